package org.inventarioti.ops.archive;

/** An archive that must not be trusted; the message says what is wrong with it. */
public class ArchiveException extends RuntimeException {

    public ArchiveException(String message) {
        super(message);
    }

    public ArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
