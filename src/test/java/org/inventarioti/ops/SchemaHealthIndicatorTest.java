package org.inventarioti.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.inventarioti.ops.release.MigrationScripts;
import org.inventarioti.support.EstadoV2;
import org.inventarioti.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/**
 * Readiness on the seed's production state: a V2.1 database with data whose expand migrations
 * are applied is ready with V3 (the contract) pending; a pending expand migration is not ready.
 */
class SchemaHealthIndicatorTest {

    @Test
    void aPendingContractWaitsForItsWindowWhileAPendingExpandIsNotReady() throws Exception {
        TestDatabase server = TestDatabase.get();
        try (var db = server.scratch();
                Connection connection = db.connect()) {
            EstadoV2.crear(connection, db.jdbcUrl(), "2.1", 3);
            Flyway flyway = Flyway.configure()
                    .dataSource(db.jdbcUrl(), server.user(), server.password())
                    .locations("classpath:db/migration")
                    .outOfOrder(true)
                    .load();
            var indicator = new SchemaHealthIndicator(flyway);
            var expandPending = indicator.health();
            assertThat(expandPending.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
            assertThat(String.valueOf(expandPending.getDetails().get("pending")))
                    .contains("V4")
                    .doesNotContainPattern("V3[],]");

            MigrationScripts.withoutContracts(flyway).migrate();
            var contractPending = indicator.health();
            assertThat(contractPending.getStatus()).isEqualTo(Status.UP);
            assertThat(contractPending.getDetails()).containsEntry("contract-pending", List.of("V3"));

            flyway.migrate();
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
            assertThat(indicator.health().getDetails()).isEmpty();
        }
    }
}
