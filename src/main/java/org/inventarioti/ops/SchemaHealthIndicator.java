package org.inventarioti.ops;

import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Readiness: the schema is at the release's version (no pending migrations). */
@Component("esquema")
class SchemaHealthIndicator implements HealthIndicator {

    private final Flyway flyway;

    SchemaHealthIndicator(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public Health health() {
        MigrationInfo[] pending = flyway.info().pending();
        if (pending.length == 0) {
            return Health.up().build();
        }
        return Health.outOfService()
                .withDetail(
                        "pending",
                        Arrays.stream(pending).map(m -> "V" + m.getVersion()).toList())
                .build();
    }
}
