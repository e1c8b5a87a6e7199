package org.inventarioti.ops.maintenance;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

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

    /**
     * How the holder's name carries the window's expected end (the flag's table has no column for
     * it): {@code "<who> -- window expected to end <instant>"}.
     */
    static final String EXPECTED_END = " -- window expected to end ";

    /** When the window is expected to end, if its holder said so. */
    public Optional<OffsetDateTime> expectedEnd() {
        if (holder == null || !holder.contains(EXPECTED_END)) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    OffsetDateTime.parse(holder.substring(holder.lastIndexOf(EXPECTED_END) + EXPECTED_END.length())
                            .trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * How long a client should wait before retrying a write: until the window's expected end while
     * it lies ahead; otherwise (not said, or overrun) until the flag would expire unless renewed.
     */
    public Duration retryAfter(OffsetDateTime now) {
        if (!active) {
            return Duration.ZERO;
        }
        Optional<OffsetDateTime> end = expectedEnd().filter(e -> e.isAfter(now));
        if (end.isPresent()) {
            return Duration.between(now, end.get());
        }
        Duration left = Duration.between(now, expiresAt);
        return left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left;
    }
}
