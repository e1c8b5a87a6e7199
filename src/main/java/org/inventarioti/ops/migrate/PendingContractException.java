package org.inventarioti.ops.migrate;

import org.flywaydb.core.api.MigrationInfo;

/** The server refuses to start: a destructive migration must run in a maintenance window first. */
public class PendingContractException extends IllegalStateException {

    private final String migration;

    PendingContractException(MigrationInfo migration) {
        super(message(migration));
        this.migration = "V" + migration.getVersion() + " (" + migration.getScript() + ")";
    }

    static String message(MigrationInfo migration) {
        return "Contract migration V" + migration.getVersion() + " (" + migration.getScript() + ") is pending and the"
                + " database holds data, so it does not run at start-up. Run it in a maintenance window:"
                + " `inventario maintenance run` (ops/run_full_maintenance.sh), or see what it would do with"
                + " `inventario migrate plan`.";
    }

    public String migration() {
        return migration;
    }
}
