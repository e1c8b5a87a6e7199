package org.inventarioti.ops.deploy;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.inventarioti.ops.release.Release;
import org.inventarioti.ops.release.Releases;
import org.inventarioti.ops.run.ReleaseSteps;
import org.inventarioti.ops.run.RunEnvironment;
import org.inventarioti.ops.run.RunJournal;
import org.inventarioti.ops.run.ServiceManager;
import org.springframework.stereotype.Service;

/**
 * {@code inventario deploy}: installs a release and makes it {@code current} only after it answered
 * readiness and smoke; otherwise the previous release is started again (guarantee 8). Expand
 * migrations run when the new release starts; a pending contract migration makes it refuse to
 * start, which rolls the deploy back: that needs {@code inventario maintenance run}.
 */
@Service
public class DeployService {

    private final RunEnvironment environment;

    DeployService(RunEnvironment environment) {
        this.environment = environment;
    }

    /** Exit code: 0 deployed, 1 refused or rolled back, 2 the rollback failed too. */
    public int deploy(Path jar, Path root, boolean dryRun, PrintWriter out) {
        Releases releases = new Releases(root);
        String version = Releases.version(jar);
        Optional<Release> previous = releases.current();
        Release next = new Release(version, releases.dir(version));
        RunJournal journal = environment.journal(root, "deploy-" + environment.stamp(), out, dryRun);
        ReleaseSteps steps = new ReleaseSteps(environment, journal, releases);
        out.println("Deploy of " + version + " into " + root + " (current: "
                + previous.map(Release::version).orElse("none") + ")" + (dryRun ? " -- DRY RUN" : ""));
        String title = "Deploy " + version;
        if (dryRun) {
            return environment.dryRun(
                    journal, root, jar, title, () -> steps(journal, releases, steps, root, jar, next, previous));
        }
        return environment.locked(journal, root, jar, title, "REFUSED before any change to the service: ", () -> {
            int exit = steps(journal, releases, steps, root, jar, next, previous);
            if (exit == 0) {
                journal.summary(title, "DEPLOYED: " + version + " is current");
            }
            return exit;
        });
    }

    /** The steps in order; in a dry run the journal only prints them. */
    private int steps(
            RunJournal journal,
            Releases releases,
            ReleaseSteps steps,
            Path root,
            Path jar,
            Release next,
            Optional<Release> previous) {
        journal.step(
                "install",
                "copy " + jar + " to " + next.dir(),
                () -> releases.install(jar).dir());
        journal.step("launcher", "write " + root.resolve("inventario-start"), () -> {
            releases.writeLauncher();
            return "ok";
        });
        try {
            steps.startAndProbe(next, "restart");
        } catch (RunJournal.StepFailed e) {
            return rollBack(journal, releases, previous, steps, e);
        }
        steps.promote(next);
        steps.prune();
        return 0;
    }

    private int rollBack(
            RunJournal journal,
            Releases releases,
            Optional<Release> previous,
            ReleaseSteps steps,
            RunJournal.StepFailed failure) {
        ServiceManager service = steps.service();
        try {
            journal.step(
                    "rollback",
                    "remove candidate; current stays "
                            + previous.map(Release::version).orElse("none"),
                    () -> {
                        releases.removeCandidate();
                        return "candidate removed";
                    });
            if (previous.isEmpty()) {
                journal.step("stop", service.describe("stop"), () -> {
                    service.run("stop");
                    return "stopped: there is no previous release";
                });
                journal.summary(
                        "Deploy", "FAILED at " + failure.step() + " and there is no previous release to restore");
                return 2;
            }
            Release earlier = previous.get();
            journal.step("restart previous", service.describe("restart"), () -> {
                service.run("restart");
                return "restarted";
            });
            steps.checkServing(earlier, "readiness previous", "smoke previous");
            journal.summary(
                    "Deploy", "ROLLED BACK: " + failure.getMessage() + "; " + earlier.version() + " is serving again");
            return 1;
        } catch (RunJournal.StepFailed e) {
            journal.summary(
                    "Deploy", "FAILED at " + failure.step() + " and the rollback failed at " + e.step() + ": act now");
            return 2;
        }
    }
}
