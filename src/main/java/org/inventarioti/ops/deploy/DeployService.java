package org.inventarioti.ops.deploy;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.inventarioti.ops.release.Release;
import org.inventarioti.ops.release.Releases;
import org.inventarioti.ops.run.Probes;
import org.inventarioti.ops.run.ReleaseSteps;
import org.inventarioti.ops.run.RunEnvironment;
import org.inventarioti.ops.run.RunJournal;
import org.inventarioti.ops.run.RunLock;
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
        ServiceManager service = steps.service();
        Probes probes = steps.probes();
        out.println("Deploy of " + version + " into " + root + " (current: "
                + previous.map(Release::version).orElse("none") + ")" + (dryRun ? " -- DRY RUN" : ""));
        if (dryRun) {
            try {
                environment.checkForDryRun(journal, root, jar);
                plan(journal, jar, next, service, probes, root);
                journal.summary("Deploy " + version, "the steps above would run");
                return 0;
            } catch (RunJournal.StepFailed e) {
                journal.summary("Deploy " + version, "REFUSED: " + e.getMessage());
                return 1;
            }
        }
        try (RunLock lock = environment.lockAndCheck(journal, root, jar)) {
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
                return rollBack(journal, releases, previous, service, probes, e);
            }
            journal.step("switch", "point current at " + next.dir(), () -> {
                releases.promote(next);
                releases.removeCandidate();
                return "current -> " + version;
            });
            journal.step(
                    "prune",
                    "keep the " + environment.properties().keep() + " newest releases",
                    () -> releases.prune(environment.properties().keep()).size() + " removed");
            journal.summary("Deploy " + version, "DEPLOYED: " + version + " is current");
            return 0;
        } catch (RunJournal.StepFailed e) {
            journal.summary("Deploy " + version, "REFUSED before any change to the service: " + e.getMessage());
            return 1;
        }
    }

    private void plan(RunJournal journal, Path jar, Release next, ServiceManager service, Probes probes, Path root) {
        journal.step("install", "copy " + jar + " to " + next.dir(), () -> null);
        journal.step("launcher", "write " + root.resolve("inventario-start"), () -> null);
        journal.step("candidate", "point candidate at " + next.dir(), () -> null);
        journal.step("start", service.describe("restart"), () -> null);
        journal.step("readiness", "wait for " + probes.url() + " to be ready as " + next.version(), () -> null);
        journal.step("smoke", "inventario " + String.join(" ", probes.smokeArgs()), () -> null);
        journal.step("switch", "point current at " + next.dir(), () -> null);
        journal.step("prune", "keep the " + environment.properties().keep() + " newest releases", () -> null);
    }

    private int rollBack(
            RunJournal journal,
            Releases releases,
            Optional<Release> previous,
            ServiceManager service,
            Probes probes,
            RunJournal.StepFailed failure) {
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
            journal.step(
                    "readiness previous",
                    "wait for " + earlier.version(),
                    () -> probes.awaitReady(
                            earlier.version(), environment.properties().startTimeout()));
            journal.step("smoke previous", "smoke of " + earlier.version(), () -> probes.smoke(earlier));
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
