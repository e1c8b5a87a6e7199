package org.inventarioti.ops.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import org.inventarioti.config.Database;
import org.inventarioti.support.TestDatabase;
import org.junit.jupiter.api.Test;

/** A killed {@code backup --verify} leaves its scratch database; the next test restore drops it. */
class AbandonedScratchTest {

    @Test
    void theNextTestRestoreDropsTheScratchDatabaseOfAKilledOneButNotOneInUse() throws Exception {
        TestDatabase server = TestDatabase.get();
        try (var home = server.scratch();
                Connection admin = home.connect()) {
            admin.createStatement().execute("CREATE DATABASE inventario_verify_killed0000");
            admin.createStatement().execute("CREATE DATABASE inventario_verify_inuse00000");
            try (Connection inUse = server.connect("inventario_verify_inuse00000")) {
                Database configured = new Database(home.jdbcUrl(), server.user(), server.password());
                try (var scratch = ScratchDatabase.OnServer.create(configured)) {
                    assertThat(exists(admin, "inventario_verify_killed0000")).isFalse();
                    assertThat(exists(admin, "inventario_verify_inuse00000")).isTrue();
                    assertThat(exists(admin, scratch.database().name())).isTrue();
                }
            } finally {
                admin.createStatement().execute("DROP DATABASE IF EXISTS inventario_verify_inuse00000 WITH (FORCE)");
                admin.createStatement().execute("DROP DATABASE IF EXISTS inventario_verify_killed0000");
            }
        }
    }

    private static boolean exists(Connection connection, String name) throws Exception {
        try (var statement = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            statement.setString(1, name);
            try (var rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }
}
