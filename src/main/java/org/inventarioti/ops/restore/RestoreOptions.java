package org.inventarioti.ops.restore;

import java.nio.file.Path;

/**
 * @param force replace a non-empty target (backed up first into {@code backupDir})
 * @param allowVersionMismatch accept an archive made by another release or with another migration history
 * @param jobs connections that load tables and build indexes in parallel (at least 1)
 */
public record RestoreOptions(boolean force, boolean allowVersionMismatch, Path backupDir, int jobs) {

    public RestoreOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
    }

    public RestoreOptions(boolean force, boolean allowVersionMismatch, Path backupDir) {
        this(force, allowVersionMismatch, backupDir, defaultJobs());
    }

    /** Like pg_restore -j: one connection per core, at least 2, at most 4. */
    public static int defaultJobs() {
        return Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }
}
