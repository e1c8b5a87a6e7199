package org.inventarioti.ops.maintenance;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.inventarioti.ops.backup.BackupProperties;
import org.inventarioti.ops.backup.VerifiedArchives;
import org.inventarioti.ops.migrate.StartupMigrations;
import org.inventarioti.ops.release.Release;
import org.inventarioti.ops.release.Releases;
import org.inventarioti.ops.run.RunEnvironment;
import org.inventarioti.ops.run.RunJournal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * {@code inventario maintenance run}: preflight, maintenance on, wait for in-flight writes, backup
 * verified by a test restore, stop, contract migrations with the new release, start it, readiness,
 * smoke, switch, maintenance off. Any failure after the stop restores the backup (when the schema
 * changed), starts the previous release and checks it, or the new one when the previous does not
 * get ready ({@link MaintenanceRollback}); only if the stop or the restore fails does maintenance
 * mode stay on, with a message saying what the database holds. Every step is journaled.
 */
@Service
public class MaintenanceRun {

    static final Duration FAILURE_NOTICE = Duration.ofDays(7);

    private final RunEnvironment environment;
    private final MaintenanceModeService maintenance;
    private final ObjectProvider<StartupMigrations> migrations;
    private final BackupProperties backupProperties;
    private final VerifiedArchives verified;

    MaintenanceRun(
            RunEnvironment environment,
            MaintenanceModeService maintenance,
            ObjectProvider<StartupMigrations> migrations,
            BackupProperties backupProperties,
            VerifiedArchives verified) {
        this.environment = environment;
        this.maintenance = maintenance;
        this.migrations = migrations;
        this.backupProperties = backupProperties;
        this.verified = verified;
    }

    /** Exit code: 0 done, 1 refused or rolled back (a release serving), 2 the rollback failed. */
    public int run(Optional<String> release, Path root, boolean dryRun, PrintWriter out) {
        Releases releases = new Releases(root);
        Optional<Release> previous = releases.current();
        Path orchestrator = RunEnvironment.thisJar();
        Path newJar = release.map(r -> RunEnvironment.jarOf(releases, r))
                .orElseGet(() -> previous.map(Release::jar).orElse(orchestrator));
        String version = Releases.version(newJar);
        Release next = new Release(version, releases.dir(version));
        String stamp = environment.stamp();
        Path backups = environment.properties().backups().resolve("maintenance-" + stamp);
        RunJournal journal = environment.journal(root, "maintenance-" + stamp, out, dryRun);
        MaintenanceRunSteps run = new MaintenanceRunSteps(
                environment, maintenance, migrations, journal, releases, previous, next, newJar, orchestrator, backups);
        run.retention(backupProperties.policy(), verified::all);
        out.println("Maintenance run: " + previous.map(Release::version).orElse("none") + " -> " + version + " in "
                + root + (dryRun ? " -- DRY RUN: only the checks run, nothing is changed" : ""));
        String title = "Maintenance run " + version;
        if (dryRun) {
            return environment.dryRun(journal, root, newJar, title, () -> run.steps(true));
        }
        return environment.locked(journal, root, newJar, title, "REFUSED before any change: ", () -> run.steps(false));
    }
}
