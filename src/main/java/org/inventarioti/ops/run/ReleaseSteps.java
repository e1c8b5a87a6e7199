package org.inventarioti.ops.run;

import org.inventarioti.ops.release.Release;
import org.inventarioti.ops.release.Releases;

/** Journaled steps that a deploy and a maintenance run both take on the release tree and the service. */
public final class ReleaseSteps {

    private final RunEnvironment environment;
    private final RunJournal journal;
    private final Releases releases;
    private final ServiceManager service;
    private final Probes probes;

    public ReleaseSteps(RunEnvironment environment, RunJournal journal, Releases releases) {
        this.environment = environment;
        this.journal = journal;
        this.releases = releases;
        this.service = environment.service();
        this.probes = environment.probes();
    }

    public ServiceManager service() {
        return service;
    }

    public Probes probes() {
        return probes;
    }

    /** Points {@code candidate} at {@code next}, starts the service ({@code verb}), waits for readiness, smokes it. */
    public void startAndProbe(Release next, String verb) {
        journal.step("candidate", "point candidate at " + next.dir(), () -> {
            releases.pointCandidate(next);
            return "candidate -> " + next.version();
        });
        journal.step("start", service.describe(verb), () -> {
            service.run(verb);
            return "started";
        });
        journal.step(
                "readiness",
                "wait for " + probes.url() + " to be ready as " + next.version(),
                () -> probes.awaitReady(next.version(), environment.properties().startTimeout(), service::exited));
        journal.step("smoke", "inventario " + String.join(" ", probes.smokeArgs()), () -> probes.smoke(next));
    }

    /** After a rollback: waits for {@code earlier} to be ready and smokes it, as steps named by the caller. */
    public void checkServing(Release earlier, String readinessStep, String smokeStep) {
        journal.step(
                readinessStep,
                "wait for " + earlier.version(),
                () -> probes.awaitReady(
                        earlier.version(), environment.properties().startTimeout(), service::exited));
        journal.step(smokeStep, "smoke of " + earlier.version(), () -> probes.smoke(earlier));
    }

    /** Points {@code current} at {@code next}, which passed readiness and smoke. */
    public void promote(Release next) {
        journal.step("switch", "point current at " + next.dir(), () -> {
            releases.promote(next);
            releases.removeCandidate();
            return "current -> " + next.version();
        });
    }

    /** Keeps the configured number of newest releases (never the current one). */
    public void prune() {
        int keep = environment.properties().keep();
        journal.step(
                "prune",
                "keep the " + keep + " newest releases",
                () -> releases.prune(keep).size() + " removed");
    }
}
