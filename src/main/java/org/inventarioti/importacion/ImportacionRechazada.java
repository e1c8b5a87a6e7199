package org.inventarioti.importacion;

/** An import refused before anything was written: the message says why, and never holds a secret. */
public class ImportacionRechazada extends RuntimeException {

    /** What a secret a refused value held is shown as (the messages quote what was sent). */
    static final String SECRETO = "[secret removed]";

    public ImportacionRechazada(String message) {
        super(org.inventarioti.secretos.DetectorSecretos.retirar(message, SECRETO));
    }

    public ImportacionRechazada(String message, Throwable cause) {
        super(org.inventarioti.secretos.DetectorSecretos.retirar(message, SECRETO), cause);
    }
}
