package org.inventarioti.ops.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.inventarioti.ops.release.Release;
import org.junit.jupiter.api.Test;

/** Which releases a rollback starts on the pre-window database, and in which order (no server needed). */
class MaintenanceRollbackTest {

    private static final Release PREVIOUS = new Release("0.9.0", Path.of("/srv/inventario/releases/0.9.0"));
    private static final Release NEXT = new Release("0.9.1", Path.of("/srv/inventario/releases/0.9.1"));

    private static List<String> order(Optional<Release> previous, String failedStep, boolean restored) {
        return MaintenanceRollback.releasesToTry(previous, NEXT, failedStep, restored).stream()
                .map(Release::version)
                .toList();
    }

    @Test
    void thePreviousReleaseFirstThenTheNewOneWhichServesThePreWindowSchemaToo() {
        assertThat(order(Optional.of(PREVIOUS), "smoke", true)).containsExactly("0.9.0", "0.9.1");
        assertThat(order(Optional.of(PREVIOUS), "readiness", true)).containsExactly("0.9.0", "0.9.1");
        assertThat(order(Optional.of(PREVIOUS), "migrate", false))
                .as("a migration that rolled itself back: the new release never ran on this database")
                .containsExactly("0.9.0", "0.9.1");
        assertThat(order(Optional.of(PREVIOUS), "stop", false)).containsExactly("0.9.0", "0.9.1");
    }

    @Test
    void theNewReleaseIsNotTriedAgainOnTheVeryDatabaseItFailedOn() {
        for (String step : List.of("candidate", "start", "readiness", "smoke", "switch")) {
            assertThat(order(Optional.of(PREVIOUS), step, false)).as(step).containsExactly("0.9.0");
        }
    }

    @Test
    void theSameReleaseIsTriedOnceAndWithoutAPreviousOneOnlyTheNewOne() {
        Release same = new Release("0.9.1", NEXT.dir());
        assertThat(MaintenanceRollback.releasesToTry(Optional.of(same), NEXT, "smoke", true).stream()
                        .map(Release::version))
                .containsExactly("0.9.1");
        assertThat(order(Optional.empty(), "migrate", true)).containsExactly("0.9.1");
        assertThat(order(Optional.empty(), "smoke", false)).isEmpty();
    }
}
