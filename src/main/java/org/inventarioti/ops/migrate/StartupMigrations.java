package org.inventarioti.ops.migrate;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * The migration policy applied when the server starts: expand migrations run; a pending contract
 * migration on a database that holds data stops the start (it runs in a maintenance window); an
 * empty database gets everything. CLI commands start without migrating and apply the same policy
 * only when they need the current schema.
 */
@Component
public class StartupMigrations implements FlywayMigrationStrategy {

    private final boolean cli;
    private final ObjectProvider<Flyway> flyway;
    private final ObjectProvider<Migrator> migrator;

    StartupMigrations(
            @Value("${inventario.cli:false}") boolean cli,
            ObjectProvider<Flyway> flyway,
            ObjectProvider<Migrator> migrator) {
        this.cli = cli;
        this.flyway = flyway;
        this.migrator = migrator;
    }

    @Override
    public void migrate(Flyway flyway) {
        if (!cli) {
            migrator.getObject().onStartup(flyway);
        }
    }

    /** For commands that need the release's schema: the start-up policy, refusals included. */
    public void migrateForCommand() {
        migrator.getObject().onStartup(flyway.getObject());
    }

    /** For ops commands that must work before a contract migration: only the safe expand prefix. */
    public void migrateExpandForCommand() {
        migrator.getObject().applyExpand(flyway.getObject());
    }
}
