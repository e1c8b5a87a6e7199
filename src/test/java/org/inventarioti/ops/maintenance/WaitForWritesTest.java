package org.inventarioti.ops.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import org.inventarioti.support.EstadoV2;
import org.inventarioti.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The maintenance run's "wait for writes" sees a foreign session that would block the migration. */
class WaitForWritesTest {

    @Test
    void aForeignLongReadOnActivosIsWaitedForAndNamedAShortOneIsNot() throws Exception {
        TestDatabase server = TestDatabase.get();
        try (var db = server.scratch();
                Connection report = db.connect()) {
            EstadoV2.crear(report, db.jdbcUrl(), "2.1", 3);
            JdbcClient jdbc =
                    JdbcClient.create(new DriverManagerDataSource(db.jdbcUrl(), server.user(), server.password()));
            assertThat(MaintenanceRunSteps.openWork(jdbc)).isEmpty();

            report.createStatement().execute("SET application_name = 'informe-nocturno'");
            report.setAutoCommit(false);
            report.createStatement().execute("SELECT count(*) FROM activos");
            assertThat(MaintenanceRunSteps.openWork(jdbc))
                    .as("a read younger than a second is left to the migration's lock time-out")
                    .isEmpty();
            Thread.sleep(1_200);
            assertThat(MaintenanceRunSteps.openWork(jdbc))
                    .singleElement()
                    .asString()
                    .contains("program informe-nocturno")
                    .contains("on activos")
                    .contains("SELECT count(*) FROM activos");
            report.rollback();
            assertThat(MaintenanceRunSteps.openWork(jdbc)).isEmpty();
        }
    }
}
