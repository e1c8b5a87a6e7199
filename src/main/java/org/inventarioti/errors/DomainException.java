package org.inventarioti.errors;

/** A refusal a service reports to its caller; the message is the English detail clients see. */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String detail) {
        super(detail);
    }

    public String detail() {
        return getMessage();
    }
}
