package org.inventarioti.ops.smoke;

/** A failed smoke check; the message names what was wrong. */
class SmokeFailure extends RuntimeException {

    SmokeFailure(String message) {
        super(message);
    }
}
