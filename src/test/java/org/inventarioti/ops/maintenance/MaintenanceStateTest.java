package org.inventarioti.ops.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Retry-After says when the window is expected to end, not how long the flag lives. */
class MaintenanceStateTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 1, 14, 0, 0, 0, ZoneOffset.UTC);

    private static MaintenanceState held(String holder) {
        return new MaintenanceState(true, null, holder, NOW.minusMinutes(1), NOW.plusSeconds(60));
    }

    @Test
    void aHeldWindowAnswersUntilItsExpectedEndThoughTheFlagLivesSixtySeconds() {
        String holder = "maintenance run root@db pid 7" + MaintenanceState.EXPECTED_END + NOW.plusMinutes(12);
        assertThat(held(holder).expectedEnd()).contains(NOW.plusMinutes(12));
        assertThat(held(holder).retryAfter(NOW)).isEqualTo(Duration.ofMinutes(12));
    }

    @Test
    void anOverrunWindowOrOneThatSaidNothingAnswersUntilTheFlagsExpiry() {
        String overrun = "maintenance run" + MaintenanceState.EXPECTED_END + NOW.minusMinutes(2);
        assertThat(held(overrun).retryAfter(NOW)).isEqualTo(Duration.ofSeconds(60));
        assertThat(held("maintenance on root@db pid 7").retryAfter(NOW)).isEqualTo(Duration.ofSeconds(60));
        assertThat(held("x" + MaintenanceState.EXPECTED_END + "not a time").expectedEnd())
                .isEmpty();
        assertThat(MaintenanceState.OFF.retryAfter(NOW)).isZero();
    }

    @Test
    void theHolderNameCarriesTheExpectedEnd() {
        OffsetDateTime before =
                OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(15).minusSeconds(1);
        String name = MaintenanceModeService.holderName("maintenance run", Duration.ofMinutes(15));
        OffsetDateTime end = held(name).expectedEnd().orElseThrow();
        assertThat(end).isBetween(before, OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(15));
        assertThat(name).startsWith("maintenance run ");
    }
}
