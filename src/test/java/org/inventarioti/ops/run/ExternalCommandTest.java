package org.inventarioti.ops.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A command started ahead of its turn (the maintenance run's migration CLI, started before the stop). */
class ExternalCommandTest {

    private static List<String> waiting(String before) {
        return List.of(
                "bash",
                "-c",
                before + "echo 'Ready now'; if read -r line; then echo \"told: $line\"; else"
                        + " echo 'not told'; exit 3; fi");
    }

    @Test
    void aReadyCommandRunsOnlyWhenToldToGoOn() {
        ExternalCommand.Started started = ExternalCommand.start(waiting(""), "Ready now", Duration.ofSeconds(20));
        assertThat(started.notReady()).isNull();
        ExternalCommand.Result result = started.go(Duration.ofSeconds(20));
        assertThat(result.exit()).isZero();
        assertThat(result.output()).contains("told: go");
    }

    @Test
    void anAbandonedCommandSeesTheEndOfItsInputAndDoesNotRun() throws Exception {
        Path marker = java.nio.file.Files.createTempFile("abandoned", ".txt");
        java.nio.file.Files.delete(marker);
        ExternalCommand.Started started = ExternalCommand.start(
                List.of("bash", "-c", "echo 'Ready now'; read -r line && touch " + marker),
                "Ready now",
                Duration.ofSeconds(20));
        assertThat(started.notReady()).isNull();
        started.abandon();
        Thread.sleep(200);
        assertThat(marker).doesNotExist();
    }

    @Test
    void aCommandThatExitsOrNeverGetsReadyIsReportedNotReady() {
        ExternalCommand.Started exited = ExternalCommand.start(
                List.of("bash", "-c", "echo 'cannot connect'; exit 4"), "Ready now", Duration.ofSeconds(20));
        assertThat(exited.notReady()).contains("exited (4)").contains("cannot connect");

        ExternalCommand.Started slow =
                ExternalCommand.start(List.of("bash", "-c", "cat >/dev/null"), "Ready now", Duration.ofMillis(500));
        assertThat(slow.notReady()).contains("not ready within");
    }

    @Test
    void aFailuresTailIsTheCommandsOwnWordsNotTheLogRecordsBeforeThem() {
        var result = new ExternalCommand.Result(1, """
                2026-12-01T20:11:38.282Z  INFO [] 6841 --- [inventario-ti] [main] o.f.c.i.c.DbMigrate : Current version: 41
                2026-12-01T20:11:43.288Z ERROR [] 6841 --- [inventario-ti] [main] o.f.c.i.c.DbMigrate : failed!
                error: Migration gave up after 4 attempts: held by session 6842 (program informe-mensual)
                """);
        assertThat(result.tail(6))
                .isEqualTo("error: Migration gave up after 4 attempts: held by session 6842"
                        + " (program informe-mensual)");
        var onlyLogs = new ExternalCommand.Result(1, "2026-12-01T20:11:38.282Z ERROR [] 1 --- boom\n");
        assertThat(onlyLogs.tail(3)).contains("boom");
    }
}
