package org.inventarioti.errors;

/** A record under optimistic locking: every change names the version it is based on. */
public interface Versioned {

    int version();
}
