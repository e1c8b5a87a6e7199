package org.inventarioti.jobs;

import java.time.Duration;

/**
 * A job of the scheduler: any feature declares one as a Spring bean and {@link JobService} runs it
 * on its cron schedule, at most once per slot across every instance sharing the database (a
 * ShedLock row in {@code ops_jobs_cerrojos}), and records each run in {@code ops_jobs_ejecuciones}.
 */
public interface Job {

    /** Unique name: lower-case letters, digits and dashes, at most 64 characters. */
    String nombre();

    /** When it runs: a Spring cron expression (six fields, seconds first), evaluated in UTC. */
    String cron();

    /**
     * Whether the in-app scheduler runs it on its cron; false leaves it to {@code inventario jobs run}
     * (e.g. a systemd timer). Its next run is then unknown (null).
     */
    default boolean programado() {
        return true;
    }

    /** What it does, for the admin page. */
    default String descripcion() {
        return nombre();
    }

    /** The lock is released after this even if the instance running it died mid-run. */
    default Duration bloqueoMaximo() {
        return Duration.ofMinutes(30);
    }

    /**
     * The lock is held at least this long, so an instance whose clock or trigger fires a little
     * later finds the slot taken instead of running the job a second time.
     */
    default Duration bloqueoMinimo() {
        return Duration.ofSeconds(30);
    }

    /** Does the work; the returned text (a short summary) is recorded with the run. */
    String ejecutar() throws Exception;
}
