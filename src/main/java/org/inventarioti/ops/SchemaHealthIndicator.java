package org.inventarioti.ops;

import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.inventarioti.ops.release.MigrationScripts;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness: no expand migration of this release is pending. A pending contract migration does not
 * make it unready: on a database holding data it waits for its maintenance window and the release
 * serves the schema as it is (both sides of every contract it carries); it is shown as a detail.
 */
@Component("esquema")
class SchemaHealthIndicator implements HealthIndicator {

    private final Flyway flyway;

    SchemaHealthIndicator(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public Health health() {
        MigrationInfo[] pending =
                MigrationScripts.withoutContracts(flyway).info().pending();
        if (pending.length == 0) {
            List<String> contracts = Arrays.stream(flyway.info().pending())
                    .map(m -> "V" + m.getVersion())
                    .toList();
            return contracts.isEmpty()
                    ? Health.up().build()
                    : Health.up().withDetail("contract-pending", contracts).build();
        }
        return Health.outOfService()
                .withDetail(
                        "pending",
                        Arrays.stream(pending).map(m -> "V" + m.getVersion()).toList())
                .build();
    }
}
