package org.inventarioti.ops.restore;

/** A restore that did not start because it would be unsafe; nothing was changed. */
public class RestoreRefusedException extends RuntimeException {

    public RestoreRefusedException(String message) {
        super(message);
    }
}
