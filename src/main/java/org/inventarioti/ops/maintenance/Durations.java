package org.inventarioti.ops.maintenance;

import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;

final class Durations {

    private Durations() {}

    /** {@code 30m}, {@code 2h}, {@code 90s} or ISO-8601 ({@code PT30M}); must be positive. */
    static Duration parse(String text) {
        Duration duration;
        try {
            duration = DurationStyle.detectAndParse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a duration: '" + text + "' (use 30m, 2h, 90s or PT30M)");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("The duration must be positive: " + text);
        }
        return duration;
    }
}
