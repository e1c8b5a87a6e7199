package org.inventarioti.errors;

import java.time.Duration;
import java.util.Optional;

/** A password login refused: wrong credentials, a locked account, or too many attempts (retry later). */
public class LoginRefusedException extends DomainException {

    public enum Reason {
        CREDENTIALS,
        LOCKED,
        RATE_LIMITED
    }

    private final Reason reason;
    private final Duration retryAfter;

    public LoginRefusedException(Reason reason, String detail, Duration retryAfter) {
        super(detail);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
