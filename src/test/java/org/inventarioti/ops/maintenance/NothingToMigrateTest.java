package org.inventarioti.ops.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A window whose release is already current reads {@code migrate plan --contract}: only when it has
 * nothing to apply are stop, migrate and start skipped (the plan's lines as MigrateCommand prints
 * them; MigrateCommandTest pins that format).
 */
class NothingToMigrateTest {

    @Test
    void onlyAPlanWithNothingToApplyKeepsTheServiceRunning() {
        assertThat(MaintenanceRunSteps.nothingToMigrate("Schema version: 32\nNothing to apply.\n"))
                .isTrue();
        assertThat(MaintenanceRunSteps.nothingToMigrate(
                        "Schema version: 2.1\nWould apply, in one transaction:\n  V3  contract  contract especificaciones\n"
                                + "PROBLEM: contract gate closed\n"))
                .isFalse();
        assertThat(MaintenanceRunSteps.nothingToMigrate("Schema version: 2.1\nNothing to apply.\n"
                        + "Left for a maintenance window (needs --contract):\n  V3  contract\n"))
                .isFalse();
    }

    @Test
    void aPlanThatDidNotAnswerStopsTheRunBeforeAnythingChanges() {
        assertThatThrownBy(() -> MaintenanceRunSteps.nothingToMigrate("error: Connection refused\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("migrate plan did not answer: error: Connection refused");
    }
}
