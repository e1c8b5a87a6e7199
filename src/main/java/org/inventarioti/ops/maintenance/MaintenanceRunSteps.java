package org.inventarioti.ops.maintenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.inventarioti.ops.backup.Retention;
import org.inventarioti.ops.backup.RetentionPolicy;
import org.inventarioti.ops.migrate.LockHolders;
import org.inventarioti.ops.migrate.SpecsMigrationStatus;
import org.inventarioti.ops.migrate.StartupMigrations;
import org.inventarioti.ops.release.Release;
import org.inventarioti.ops.release.Releases;
import org.inventarioti.ops.run.ExternalCommand;
import org.inventarioti.ops.run.Probes;
import org.inventarioti.ops.run.ReleaseSteps;
import org.inventarioti.ops.run.RunEnvironment;
import org.inventarioti.ops.run.RunJournal;
import org.inventarioti.ops.run.ServiceManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One maintenance run's steps and its rollback (see {@link MaintenanceRun}): the state a run
 * carries from step to step — the holder of maintenance mode, the verified backup, the schema's
 * fingerprint before the migrations.
 */
final class MaintenanceRunSteps {

    /** Where the rollback's restore keeps its copy of the failed state: never mistaken for the good archive. */
    static final String SAFETY_DIR = "rollback-safety-copy-of-the-failed-state";

    private final RunEnvironment environment;
    private final MaintenanceModeService maintenance;
    private final ObjectProvider<StartupMigrations> migrations;
    private final RunJournal journal;
    private final Releases releases;
    private final Optional<Release> previous;
    private final Release next;
    private final Path newJar;
    private final Path orchestrator;
    private final Path backups;
    private final ReleaseSteps releaseSteps;
    private final ServiceManager service;
    private final Probes probes;
    private MaintenanceHolder holder;
    private Path archive;
    private String fingerprint;
    private final ContractMigration contract;
    private boolean keepServing;

    private RetentionPolicy retention = RetentionPolicy.DEFAULT;
    private java.util.function.Supplier<java.util.Set<Path>> verified = java.util.Set::of;

    /** The backup retention ({@code INVENTARIO_BACKUP_RETENTION_*}) and the verified archives it never deletes. */
    void retention(RetentionPolicy policy, java.util.function.Supplier<java.util.Set<Path>> verifiedArchives) {
        this.retention = policy;
        this.verified = verifiedArchives;
    }

    MaintenanceRunSteps(
            RunEnvironment environment,
            MaintenanceModeService maintenance,
            ObjectProvider<StartupMigrations> migrations,
            RunJournal journal,
            Releases releases,
            Optional<Release> previous,
            Release next,
            Path newJar,
            Path orchestrator,
            Path backups) {
        this.environment = environment;
        this.maintenance = maintenance;
        this.migrations = migrations;
        this.journal = journal;
        this.releases = releases;
        this.previous = previous;
        this.next = next;
        this.newJar = newJar;
        this.orchestrator = orchestrator;
        this.backups = backups;
        this.contract = new ContractMigration(next.jar());
        this.releaseSteps = new ReleaseSteps(environment, journal, releases);
        this.service = releaseSteps.service();
        this.probes = releaseSteps.probes();
    }

    /** The steps in order; {@code planOnly} prints them (a dry run) instead of running them. */
    int steps(boolean planOnly) {
        String title = "Maintenance run " + next.version();
        try {
            journal.check(
                    "previous release",
                    "a release to roll back to",
                    () -> previous.map(r -> "current -> " + r.version())
                            .orElseThrow(() -> new IllegalStateException("no current release under " + releases.root()
                                    + ": a failed window would have nothing to start again. Make one first: inventario deploy"
                                    + " <jar> (it serves the database as it is)")));
            journal.check(
                    "V3 preconditions",
                    "every legacy especificaciones text converted or quarantined (checked once, before the backup)",
                    () -> SpecsMigrationStatus.measure(environment.jdbc())
                            .map(status -> {
                                if (!status.holds()) {
                                    throw new IllegalStateException(
                                            "especificaciones preconditions fail: " + status.describe());
                                }
                                return status.describe();
                            })
                            .orElse("V3 already applied: nothing to check"));
            if (previous.filter(p -> p.version().equals(next.version())).isPresent()) {
                journal.check(
                        "anything to migrate",
                        "java -jar " + newJar + " migrate plan --contract (" + next.version() + " is already current)",
                        this::planIdle);
            }
            journal.step("install", "install " + newJar + " as " + next.dir() + " and write the launcher", () -> {
                releases.install(newJar);
                releases.writeLauncher();
                return next.dir();
            });
            journal.step(
                    "maintenance on",
                    "apply pending expand migrations, then turn maintenance mode on (writes answer 503), renewed while this run lives",
                    () -> {
                        migrations.getObject().migrateExpandForCommand();
                        holder = maintenance.hold(
                                "Maintenance window: upgrading to " + next.version()
                                        + ". Changes are paused; reading keeps working.",
                                "maintenance run");
                        return holder.name();
                    });
            journal.step(
                    "wait for writes",
                    "let every instance see the flag, then wait for open write transactions (at most "
                            + environment.properties().writesTimeout().toSeconds() + " s)",
                    this::awaitWrites);
        } catch (RunJournal.StepFailed e) {
            endMaintenance();
            journal.summary(
                    title, "REFUSED at " + e.step() + ", nothing but the expand migrations changed: " + e.getMessage());
            return 1;
        }
        try {
            journal.step(
                    "backup",
                    "inventario backup --output " + backups
                            + " --verify (a test restore, recorded for the contract gate)",
                    this::backup);
        } catch (RunJournal.StepFailed e) {
            endMaintenance();
            journal.summary(title, "STOPPED at backup, the service was not touched: " + e.getMessage());
            return 1;
        }
        if (keepServing) {
            String reason =
                    "nothing to migrate and " + next.version() + " is already current: the service keeps serving";
            journal.skipped("stop", reason);
            journal.skipped("migrate", reason);
            journal.skipped("start", reason);
        } else {
            try {
                stopMigrateStart();
            } catch (RunJournal.StepFailed e) {
                return rollBack(e);
            }
        }
        journal.step("maintenance off", "turn maintenance mode off", () -> {
            endMaintenance();
            return "writes accepted again";
        });
        releaseSteps.prune();
        journal.step(
                "prune backups",
                "keep the maintenance-* backup folders of " + retention
                        + " (and the one holding the newest verified archive)",
                () -> Retention.pruneFolders(backups.getParent(), "maintenance-", retention, verified.get())
                                .size() + " removed");
        if (!planOnly) {
            journal.summary(title, "DONE: " + next.version() + " is current and serving");
        }
        return 0;
    }

    /** The part of the window that stops the service: stop, contract migrations, start the new release, switch. */
    private void stopMigrateStart() {
        journal.step(
                "prepare migrate",
                "java -jar " + next.jar() + " migrate apply --contract --when-told: its JVM and Spring start"
                        + " while the service still serves reads; it migrates once told, after the stop",
                contract::prepare);
        journal.step("stop", service.describe("stop"), () -> {
            fingerprint = environment.schemaFingerprint();
            service.run("stop");
            return "stopped";
        });
        journal.step("migrate", "java -jar " + next.jar() + " migrate apply --contract", this::migrate);
        releaseSteps.startAndProbe(next, "start");
        releaseSteps.promote(next);
    }

    /**
     * With the release already current, whether its plan has nothing to apply: then the window does
     * not stop and start the service.
     */
    private String planIdle() {
        ExternalCommand.Result plan = ExternalCommand.run(
                ExternalCommand.cli(newJar, "migrate", "plan", "--contract"), Duration.ofMinutes(5));
        keepServing = nothingToMigrate(plan.output());
        return keepServing ? "nothing to apply: stop, migrate and start are skipped" : plan.tail(4);
    }

    /** Whether {@code migrate plan --contract}'s output says there is nothing to apply. */
    static boolean nothingToMigrate(String planOutput) {
        if (!planOutput.contains("Schema version:")) {
            throw new IllegalStateException("migrate plan did not answer: "
                    + planOutput.lines().reduce((a, b) -> b).orElse("(no output)"));
        }
        return planOutput.contains("Nothing to apply.") && !planOutput.contains("Left for a maintenance window");
    }

    private String awaitWrites() throws InterruptedException {
        Thread.sleep(2_000 + 200);
        String freeze = "";
        if (probes.answersWithoutMaintenance()) {
            service.run("stop");
            keepServing = false; // stopped here: the window has to start it again
            freeze = "the running release does not report maintenance mode (an older release?): stopped it"
                    + " before the backup; ";
        }
        long deadline =
                System.nanoTime() + environment.properties().writesTimeout().toNanos();
        List<String> open;
        int rounds = 0;
        do {
            open = openWork(environment.jdbc());
            if (open.isEmpty()) {
                return freeze + "no open write transaction and no other session holding activos"
                        + (rounds > 0 ? " after " + rounds * 200 + " ms" : "");
            }
            rounds++;
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException(
                "still open after " + environment.properties().writesTimeout().toSeconds()
                        + " s: " + String.join("; ", open) + ". Nothing was stopped or changed; let those transactions"
                        + " finish (or end them: SELECT pg_terminate_backend(<session>)) and run the window again");
    }

    /**
     * What the migration would wait for: the app's open write transactions, and any other session
     * (a report, psql, another program) whose transaction has held a lock on {@code activos} for
     * over a second — V3 needs that table to itself. Short reads are left to the migration's lock
     * time-out and retries.
     */
    static List<String> openWork(JdbcClient jdbc) {
        List<String> open = new ArrayList<>();
        long writes = jdbc.sql("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE datname = current_database() AND pid <> pg_backend_pid()
                          AND backend_xid IS NOT NULL AND application_name = 'inventario-ti'""").query(Long.class).single();
        if (writes > 0) {
            open.add(writes + " write transaction(s) of the application");
        }
        open.addAll(LockHolders.on(jdbc, "activos", Duration.ofSeconds(1)));
        return open;
    }

    private String backup() throws IOException {
        Files.createDirectories(backups);
        ExternalCommand.Result result = ExternalCommand.run(
                ExternalCommand.cli(orchestrator, "backup", "--output", backups.toString(), "--verify"),
                Duration.ofHours(2));
        if (!result.ok()) {
            throw new IllegalStateException("backup failed (exit " + result.exit() + "): " + result.tail(8));
        }
        try (Stream<Path> files = Files.list(backups)) {
            archive = files.filter(p -> p.getFileName().toString().endsWith(".zip"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("backup produced no archive in " + backups));
        }
        return archive + " (" + Files.size(archive) / 1024 + " KiB); " + result.tail(1);
    }

    private String migrate() {
        if (!holder.held()) {
            contract.abandon();
            throw new IllegalStateException("the maintenance flag was lost (expired or turned off): not migrating");
        }
        ExternalCommand.Result result = contract.run();
        if (!result.ok()) {
            throw new IllegalStateException(
                    "migrate apply --contract failed (exit " + result.exit() + "): " + result.tail(6));
        }
        return result.tail(1);
    }

    private int rollBack(RunJournal.StepFailed failure) {
        contract.abandon(); // when the stop failed, the prepared migration never runs
        var window =
                new MaintenanceRollback.Window(previous, next, orchestrator, archive, backups, fingerprint, holder);
        int exit = new MaintenanceRollback(environment, journal, releases, releaseSteps, window).rollBack(failure);
        holder = null; // closed or handed over by the rollback
        return exit;
    }

    private void endMaintenance() {
        if (holder != null) {
            holder.close();
            holder = null;
        }
    }
}
