package org.inventarioti.ops.smoke;

/** A check that does not apply to this server (a feature it does not have, no credentials). */
class SmokeSkipped extends RuntimeException {

    SmokeSkipped(String reason) {
        super(reason);
    }
}
