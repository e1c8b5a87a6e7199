package org.inventarioti.ops;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * The migration policy applied when the server starts. CLI commands start without migrating and
 * apply the same policy only when they need the current schema.
 */
@Component
public class StartupMigrations implements FlywayMigrationStrategy {

    private final boolean cli;
    private final ObjectProvider<Flyway> flyway;

    StartupMigrations(@Value("${inventario.cli:false}") boolean cli, ObjectProvider<Flyway> flyway) {
        this.cli = cli;
        this.flyway = flyway;
    }

    @Override
    public void migrate(Flyway flyway) {
        if (!cli) {
            apply(flyway);
        }
    }

    public void migrateForCommand() {
        apply(flyway.getObject());
    }

    private void apply(Flyway flyway) {
        flyway.migrate();
    }
}
