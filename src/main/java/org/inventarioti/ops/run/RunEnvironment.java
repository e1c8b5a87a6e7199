package org.inventarioti.ops.run;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.inventarioti.ops.preflight.PreflightCheck;
import org.inventarioti.ops.preflight.PreflightService;
import org.inventarioti.ops.release.Release;
import org.inventarioti.ops.release.Releases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What deploys and maintenance runs share: settings, database, preflight, service, probes, journal. */
@Component
public class RunEnvironment {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final DeployProperties properties;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final PreflightService preflight;
    private final Clock clock;

    RunEnvironment(
            DeployProperties properties,
            DataSource dataSource,
            JdbcClient jdbc,
            PreflightService preflight,
            Clock clock) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.preflight = preflight;
        this.clock = clock;
    }

    public DeployProperties properties() {
        return properties;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    private String serviceCommand;

    /** {@code --service-command}: drives the service through this command instead of the configured one. */
    public void useServiceCommand(String command) {
        this.serviceCommand = command;
    }

    public ServiceManager service() {
        return new ServiceManager(
                serviceCommand != null ? serviceCommand : properties.systemctl(), properties.service());
    }

    public Probes probes() {
        return new Probes(properties.url(), properties.smokeUser());
    }

    public String stamp() {
        return STAMP.format(clock.instant());
    }

    /** The journal {@code <root>/journal/<name>.log} of one run. */
    public RunJournal journal(Path root, String name, PrintWriter out, boolean dryRun) {
        return new RunJournal(root.resolve("journal/" + name + ".log"), out, dryRun, clock);
    }

    /**
     * A dry run: the checks that only look (no other run holds the lock, the preflight) really run,
     * then {@code plan} prints the steps (its exit code: non-zero when a check of its own refused,
     * having printed the summary). Exit code 0, or 1 when a check refuses.
     */
    public int dryRun(RunJournal journal, Path root, Path releaseJar, String title, IntSupplier plan) {
        try {
            journal.check("lock", "no other deploy or maintenance run", () -> RunLock.check(dataSource, root));
            checkPreflight(journal, releaseJar);
            int exit = plan.getAsInt();
            if (exit == 0) {
                // The one summary of a dry run: a refused plan has printed its own.
                journal.summary(title, "the steps above would run");
            }
            return exit;
        } catch (RunJournal.StepFailed e) {
            journal.summary(title, "REFUSED: " + e.getMessage());
            return 1;
        }
    }

    /**
     * A real run: takes the run lock and runs the preflight, then {@code steps}, which answer the
     * exit code. A refused check (or a step failure {@code steps} leaves to it) is exit code 1,
     * summarised as {@code refusal} and the reason.
     */
    public int locked(RunJournal journal, Path root, Path releaseJar, String title, String refusal, IntSupplier steps) {
        try (RunLock lock = journal.check("lock", "take the run lock", () -> RunLock.take(dataSource, root))) {
            checkPreflight(journal, releaseJar);
            return steps.getAsInt();
        } catch (RunJournal.StepFailed e) {
            journal.summary(title, refusal + e.getMessage());
            return 1;
        }
    }

    private void checkPreflight(RunJournal journal, Path releaseJar) {
        journal.check(
                "preflight",
                "secrets, database, TLS, disk, release jar",
                () -> preflight(releaseJar, properties.backups()));
        journal.check(
                "service manager",
                "the service command answers and the unit is installed",
                () -> HostChecks.serviceManager(service()));
        journal.check("restore right", "the database role may restore a backup", () -> HostChecks.restoreRight(jdbc));
        journal.check(
                "environment file",
                "the secrets file is mode 600",
                () -> HostChecks.environmentFile(properties.environmentFile()));
    }

    /** Runs the preflight; throws listing every problem. */
    private String preflight(Path releaseJar, Path backups) {
        var checks = preflight.check(Optional.of(releaseJar), backups);
        var failed =
                checks.stream().filter(c -> !c.ok()).map(PreflightCheck::line).toList();
        if (!failed.isEmpty()) {
            throw new IllegalStateException("preflight failed: " + String.join("; ", failed));
        }
        return checks.size() + " checks passed";
    }

    /** {@code releases/<version>} when {@code release} is an installed version, else a jar to install. */
    public static Path jarOf(Releases releases, String release) {
        Path asPath = Path.of(release);
        if (Files.isRegularFile(asPath)) {
            return asPath.toAbsolutePath();
        }
        return releases.installed(release)
                .map(Release::jar)
                .orElseThrow(
                        () -> new IllegalArgumentException(release + " is neither a jar nor a release installed under "
                                + releases.root().resolve("releases")));
    }

    /** The jar this process runs from: the CLI that makes and restores the backup. */
    public static Path thisJar() {
        Path jar = PreflightService.runningJar();
        if (jar == null) {
            throw new IllegalStateException("not running from a release jar: run this command with java -jar");
        }
        return jar;
    }

    /** The applied migrations, to tell whether anything changed the schema since. */
    public String schemaFingerprint() {
        return jdbc.sql("SELECT coalesce(string_agg(version || ':' || coalesce(checksum::text, '') || ':' || success,"
                        + " ',' ORDER BY installed_rank), '') FROM flyway_schema_history")
                .query(String.class)
                .single();
    }
}
