package org.inventarioti.importacion;

/** A dump file that cannot be read as one: not a dump, truncated, malformed. */
final class DumpException extends ImportacionRechazada {

    DumpException(String message) {
        super(message);
    }
}
