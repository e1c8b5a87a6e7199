package org.inventarioti.ops.maintenance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.inventarioti.ops.release.Release;
import org.inventarioti.ops.release.Releases;
import org.inventarioti.ops.run.ExternalCommand;
import org.inventarioti.ops.run.ReleaseSteps;
import org.inventarioti.ops.run.RunEnvironment;
import org.inventarioti.ops.run.RunJournal;
import org.inventarioti.ops.run.ServiceManager;

/**
 * A failed window's way back: stop, restore the pre-window backup when the schema changed, then
 * start a release on the pre-window database — the previous one, or when it does not get ready the
 * new one, which serves that schema too (every release serves both sides of the contracts it
 * carries). It ends with a release serving and maintenance mode off; only when the stop or the
 * restore fails does it leave maintenance mode on and say what the database holds and what to run.
 */
final class MaintenanceRollback {

    /** The steps of the new release's own start: when it failed there on this very database, it is not tried again. */
    private static final Set<String> CANDIDATE_STEPS = Set.of("candidate", "start", "readiness", "smoke", "switch");

    /** What the rollback needs from the run it ends. */
    record Window(
            Optional<Release> previous,
            Release next,
            Path orchestrator,
            Path archive,
            Path backups,
            String fingerprint,
            MaintenanceHolder holder) {}

    private final RunEnvironment environment;
    private final RunJournal journal;
    private final Releases releases;
    private final ReleaseSteps releaseSteps;
    private final ServiceManager service;
    private final Window window;

    MaintenanceRollback(
            RunEnvironment environment,
            RunJournal journal,
            Releases releases,
            ReleaseSteps releaseSteps,
            Window window) {
        this.environment = environment;
        this.journal = journal;
        this.releases = releases;
        this.releaseSteps = releaseSteps;
        this.service = releaseSteps.service();
        this.window = window;
    }

    /**
     * The releases to start, in order, on the database as the rollback leaves it: the previous one,
     * then the new one — unless it is the same release, or it already failed to serve exactly this
     * database (it failed starting and nothing was restored).
     */
    static List<Release> releasesToTry(Optional<Release> previous, Release next, String failedStep, boolean restored) {
        List<Release> order = new ArrayList<>();
        previous.ifPresent(order::add);
        boolean sameRelease =
                previous.filter(p -> p.version().equals(next.version())).isPresent();
        boolean failedOnThisDatabase = !restored && CANDIDATE_STEPS.contains(failedStep);
        if (!sameRelease && !failedOnThisDatabase) {
            order.add(next);
        }
        return order;
    }

    /** Exit code: 1 rolled back (a release serves the pre-window database), 2 nothing serves or not restored. */
    int rollBack(RunJournal.StepFailed failure) {
        String title = "Maintenance run " + window.next().version();
        boolean restored;
        try {
            journal.step("rollback: stop", service.describe("stop"), () -> {
                service.run("stop");
                releases.removeCandidate();
                return "stopped, candidate removed";
            });
            restored = !environment.schemaFingerprint().equals(window.fingerprint());
            if (restored) {
                journal.step("rollback: restore", restoreCommand(), this::restore);
            } else {
                journal.skipped(
                        "rollback: restore",
                        "the schema is exactly as before the stop (the migration rolled back): no restore needed");
            }
        } catch (RunJournal.StepFailed e) {
            return leaveOn(failure, e, title);
        }
        String database = restored ? "the restored pre-window database" : "the pre-window database (never changed)";
        List<String> problems = new ArrayList<>();
        for (Release release : releasesToTry(window.previous(), window.next(), failure.step(), restored)) {
            if (serve(release, problems)) {
                maintenanceOff();
                String served = release == window.next() && window.previous().isPresent()
                        ? "previous release " + window.previous().get().version() + " did not start (" + problems.get(0)
                                + "); " + release.version() + " serves " + database
                        : release.version() + " is serving " + database;
                if (release == window.next()) {
                    journal.note(served + "; current -> " + release.version()
                            + ". The contract migrations were not applied: run the window again once fixed.");
                }
                journal.summary(
                        title,
                        "ROLLED BACK after " + failure.step() + " failed (" + failure.getMessage() + "); " + served);
                return 1;
            }
        }
        // Nothing serves, but the database is in its pre-window state: writes may be accepted again.
        maintenanceOff();
        String message = "Maintenance run to " + window.next().version() + " failed at " + failure.step()
                + " and no release would serve " + database + ": "
                + (problems.isEmpty() ? "there is no previous release to start" : String.join("; ", problems))
                + ". Next: " + service.describe("start") + " after fixing what its log names (journalctl -u "
                + "inventario), or inventario deploy <a jar that serves it>. Maintenance mode is off.";
        journal.note(message);
        journal.summary(title, "FAILED, rollback started no release: " + message);
        return 2;
    }

    /** Starts {@code release} on the rolled-back database; false (with the reason added) when it does not serve. */
    private boolean serve(Release release, List<String> problems) {
        boolean candidate = release == window.next();
        String suffix = candidate ? " " + release.version() : "";
        try {
            if (!problems.isEmpty()) {
                journal.step("rollback: stop again", service.describe("stop") + " (what did not serve)", () -> {
                    service.run("stop");
                    return "stopped";
                });
            }
            if (candidate) {
                journal.step("rollback: candidate", "point candidate at " + release.dir(), () -> {
                    releases.pointCandidate(release);
                    return "candidate -> " + release.version();
                });
            }
            journal.step("rollback: start" + suffix, service.describe("start") + " (" + release.version() + ")", () -> {
                service.run("start");
                return "started";
            });
            releaseSteps.checkServing(release, "rollback: readiness" + suffix, "rollback: smoke" + suffix);
            if (candidate) {
                journal.step("rollback: switch", "point current at " + release.dir(), () -> {
                    releases.promote(release);
                    releases.removeCandidate();
                    return "current -> " + release.version();
                });
            }
            return true;
        } catch (RunJournal.StepFailed e) {
            problems.add(release.version() + " failed at " + e.step() + ": " + e.getMessage());
            if (candidate) {
                releases.removeCandidate();
            }
            return false;
        }
    }

    private String restoreCommand() {
        return "java -jar " + window.orchestrator() + " restore " + window.archive() + " --force";
    }

    private String restore() {
        ExternalCommand.Result result = ExternalCommand.run(
                ExternalCommand.cli(
                        window.orchestrator(),
                        "restore",
                        window.archive().toString(),
                        "--force",
                        "--backup-dir",
                        window.backups().resolve(MaintenanceRunSteps.SAFETY_DIR).toString()),
                Duration.ofHours(2));
        if (!result.ok()) {
            throw new IllegalStateException("restore failed (exit " + result.exit() + "): " + result.tail(8));
        }
        return result.tail(1);
    }

    /** The stop or the restore failed: the database may not be in its pre-window state, so writes stay paused. */
    private int leaveOn(RunJournal.StepFailed failure, RunJournal.StepFailed e, String title) {
        String message = "Maintenance run to " + window.next().version() + " failed at " + failure.step()
                + " and its rollback failed at " + e.step() + ". " + stateAndNextCommand(e.step())
                + " Writes stay paused; see the journal " + journal.file() + ".";
        if (window.holder() != null) {
            window.holder().leaveOn(message, MaintenanceRun.FAILURE_NOTICE);
        }
        journal.note("maintenance mode LEFT ON for " + MaintenanceRun.FAILURE_NOTICE.toDays() + " days: " + message);
        journal.summary(
                title, "FAILED, rollback FAILED: act now (ops/maintenance_playbook.md, 'When the rollback fails')");
        return 2;
    }

    /** After a failed stop or restore: what the database holds now, and the one command to run next. */
    String stateAndNextCommand(String failedStep) {
        String restore = restoreCommand();
        return switch (failedStep) {
            case "rollback: stop" ->
                "The database is as the failed step left it; the service may still run." + " Next: "
                        + service.describe("stop") + ", then " + restore + ".";
            default ->
                "The database is as the failed migration left it, NOT restored (the verified"
                        + " pre-window archive is " + window.archive() + "). Next: " + restore + ".";
        };
    }

    private void maintenanceOff() {
        journal.step("maintenance off", "turn maintenance mode off", () -> {
            if (window.holder() != null) {
                window.holder().close();
            }
            return "writes accepted again";
        });
    }
}
