package org.inventarioti.ops.maintenance;

import java.nio.file.Path;
import java.time.Duration;
import org.inventarioti.ops.migrate.MigrateCommand;
import org.inventarioti.ops.run.ExternalCommand;

/**
 * The window's contract migrations, run by the new release's CLI. {@link #prepare} starts it before
 * the service stops ({@code migrate apply --contract --when-told}: JVM and Spring start while the
 * service still serves reads); {@link #run} tells it to go after the stop, or, when it never got
 * ready, runs it the ordinary way. So the service is down for the migration, not for a JVM start.
 */
final class ContractMigration {

    private static final Duration READY_WITHIN = Duration.ofMinutes(3);
    private static final Duration RUN_WITHIN = Duration.ofHours(2);

    private final Path jar;
    private ExternalCommand.Started prepared;

    ContractMigration(Path jar) {
        this.jar = jar;
    }

    /** Never fails the window: a CLI that does not get ready is ended, and {@link #run} starts one cold. */
    String prepare() {
        long started = System.nanoTime();
        prepared = ExternalCommand.start(
                ExternalCommand.cli(jar, "migrate", "apply", "--contract", "--when-told"),
                MigrateCommand.READY_TO_MIGRATE,
                READY_WITHIN);
        if (prepared.notReady() != null) {
            String reason = prepared.notReady();
            prepared = null;
            return "not ready (" + reason + "): the migration's CLI starts after the stop instead";
        }
        return String.format(
                java.util.Locale.ROOT, "ready in %.1f s, waiting for the stop", (System.nanoTime() - started) / 1e9);
    }

    /** Applies the contract migrations: the prepared CLI told to go, or a new one. */
    ExternalCommand.Result run() {
        ExternalCommand.Started ready = prepared;
        prepared = null;
        return ready != null
                ? ready.go(RUN_WITHIN)
                : ExternalCommand.run(ExternalCommand.cli(jar, "migrate", "apply", "--contract"), RUN_WITHIN);
    }

    /** The migration will not run (the stop failed, the flag was lost): a prepared CLI ends unrun. */
    void abandon() {
        if (prepared != null) {
            prepared.abandon();
            prepared = null;
        }
    }
}
