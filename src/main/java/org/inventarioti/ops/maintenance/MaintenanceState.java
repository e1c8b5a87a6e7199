package org.inventarioti.ops.maintenance;

import java.time.Duration;
import java.time.OffsetDateTime;

/** Whether writes are paused, since when, by whom, until when (unless renewed) and why. */
public record MaintenanceState(
        boolean active, String message, String holder, OffsetDateTime activeSince, OffsetDateTime expiresAt) {

    static final MaintenanceState OFF = new MaintenanceState(false, null, null, null, null);

    public static final String DEFAULT_MESSAGE =
            "Inventario-TI is in maintenance: changes are paused for a few minutes; reading keeps working.";

    /** When the flag cannot be read (the database is down): shown as off. */
    public static MaintenanceState unknown() {
        return OFF;
    }

    public String visibleMessage() {
        return message == null || message.isBlank() ? DEFAULT_MESSAGE : message;
    }

    /** Seconds a client should wait before retrying a write: until the flag would expire. */
    public Duration retryAfter(OffsetDateTime now) {
        if (!active) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, expiresAt);
        return left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left;
    }
}
