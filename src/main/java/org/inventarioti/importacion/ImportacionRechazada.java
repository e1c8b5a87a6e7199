package org.inventarioti.importacion;

/** An import refused before anything was written: the message says why, and never holds a secret. */
public class ImportacionRechazada extends RuntimeException {

    public ImportacionRechazada(String message) {
        super(message);
    }

    public ImportacionRechazada(String message, Throwable cause) {
        super(message, cause);
    }
}
