package org.inventarioti.ops.backup;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Backups that run themselves ({@code INVENTARIO_BACKUP_*}): the in-app jobs or the systemd timer
 * ({@code mode}: one of the two, never both), where archives go and what retention keeps.
 */
@ConfigurationProperties("inventario.backup")
public record BackupProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("job") String mode,
        @DefaultValue("0 30 1 * * *") String cron,
        @Name("verify-cron") @DefaultValue("0 30 3 * * SUN") String verifyCron,
        Path dir,
        @DefaultValue Keep retention,
        @DefaultValue("") String trigger,
        @Name("freshness-cron") @DefaultValue("0 0 9 * * *") String freshnessCron) {

    public static final String MODE_JOB = "job";
    public static final String MODE_TIMER = "timer";

    /** Without the freshness check's schedule (its default: every day at 09:00). */
    public BackupProperties(
            boolean enabled, String mode, String cron, String verifyCron, Path dir, Keep retention, String trigger) {
        this(enabled, mode, cron, verifyCron, dir, retention, trigger, "0 0 9 * * *");
    }

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public BackupProperties {
        if (!MODE_JOB.equals(mode) && !MODE_TIMER.equals(mode)) {
            throw new IllegalArgumentException("INVENTARIO_BACKUP_MODE must be job or timer, not " + mode);
        }
        if (enabled && MODE_TIMER.equals(mode)) {
            throw new IllegalArgumentException("INVENTARIO_BACKUP_ENABLED=true schedules the in-app backup jobs, but"
                    + " INVENTARIO_BACKUP_MODE=timer says the systemd timer runs them: choose one (never both) —"
                    + " unset INVENTARIO_BACKUP_ENABLED for the timer, or set INVENTARIO_BACKUP_MODE=job and disable"
                    + " inventario-backup.timer");
        }
    }

    /** How many daily, weekly and monthly archives stay. */
    public record Keep(
            @DefaultValue("7") int daily,
            @DefaultValue("4") int weekly,
            @DefaultValue("12") int monthly) {}

    public RetentionPolicy policy() {
        return new RetentionPolicy(retention.daily(), retention.weekly(), retention.monthly());
    }

    /** The in-app jobs run: enabled, and the host has not chosen the timer. */
    public boolean jobsActive() {
        return enabled && MODE_JOB.equals(mode);
    }
}
