package org.inventarioti.ops.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.inventarioti.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The flag is read at most once per cache period, so the filter does not query on every request. */
class MaintenanceCacheTest {

    @Test
    void theFlagIsCachedForTheConfiguredPeriod() throws Exception {
        TestDatabase server = TestDatabase.get();
        try (var db = server.scratch()) {
            var dataSource = new DriverManagerDataSource(db.jdbcUrl(), server.user(), server.password());
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            JdbcClient jdbc = JdbcClient.create(dataSource);
            var cached = new MaintenanceModeService(
                    jdbc,
                    new MaintenanceProperties(
                            Duration.ofMillis(700),
                            Duration.ofMinutes(30),
                            Duration.ofSeconds(60),
                            Duration.ofMinutes(15)));
            assertThat(cached.state().active()).isFalse();

            jdbc.sql(
                            "INSERT INTO ops_modo_mantenimiento (titular, expira_en) VALUES ('other', now() + interval '1 hour')")
                    .update();
            assertThat(cached.state().active()).as("still the cached value").isFalse();
            assertThat(cached.currentState().active()).isTrue();
            Thread.sleep(800);
            assertThat(cached.state().active()).as("re-read after the period").isTrue();
        }
    }
}
