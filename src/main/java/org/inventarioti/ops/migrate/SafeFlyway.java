package org.inventarioti.ops.migrate;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Every Flyway connection gets the lock and statement time-outs, and all pending migrations of one
 * run share a transaction, so a failure leaves schema and history as they were. Out of order: a
 * contract left pending while later expand migrations ran is applied in the window.
 */
@Component
class SafeFlyway implements FlywayConfigurationCustomizer {

    private final MigrateProperties properties;

    SafeFlyway(MigrateProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration
                .initSql("SET lock_timeout = '" + properties.lockTimeout().toMillis() + "ms'; SET statement_timeout = '"
                        + properties.statementTimeout().toMillis() + "ms'")
                .group(true)
                .outOfOrder(true);
    }
}
