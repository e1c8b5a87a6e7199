package org.inventarioti.ops.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.inventarioti.support.Processes;
import org.inventarioti.support.TestDatabase;
import org.junit.jupiter.api.Test;

/** Guarantee 7's second half: the flag ends by itself when the process holding it dies. */
class MaintenanceHolderIT {

    private static String holder(Connection connection) throws Exception {
        try (var rs = connection
                .createStatement()
                .executeQuery("SELECT titular FROM ops_modo_mantenimiento WHERE expira_en > now()")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static String waitFor(Connection connection, boolean on, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String holder = holder(connection);
            if ((holder != null) == on) {
                return holder;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("maintenance flag did not turn " + (on ? "on" : "off") + " within " + timeout);
    }

    private static Process hold(Map<String, String> env, Path log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        "java", "-jar", Processes.JAR.toString(), "maintenance", "on", "--hold", "--ttl", "3s")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("DB_") || k.startsWith("INVENTARIO_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    @Test
    void aKilledHolderLetsTheFlagExpireAndAStoppedOneTurnsItOff() throws Exception {
        TestDatabase server = TestDatabase.get();
        try (var db = server.scratch();
                Connection connection = db.connect()) {
            Flyway.configure()
                    .dataSource(db.jdbcUrl(), server.user(), server.password())
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            Map<String, String> env = new HashMap<>(server.env(db.name()));
            Path log = Files.createTempFile("maintenance-hold", ".log");

            Process killed = hold(env, log);
            String titular = waitFor(connection, true, Duration.ofSeconds(60));
            assertThat(titular).contains("pid " + killed.pid());
            Thread.sleep(4000);
            assertThat(holder(connection))
                    .as("renewed past its 3 s ttl while alive")
                    .isEqualTo(titular);

            var status = Processes.run(
                    List.of("java", "-jar", Processes.JAR.toString(), "maintenance", "status"),
                    env,
                    Duration.ofSeconds(60));
            assertThat(status.exit()).isEqualTo(3);
            assertThat(status.output()).contains("Maintenance mode is ON").contains(titular);

            killed.toHandle().destroyForcibly();
            killed.waitFor();
            long killedAt = System.nanoTime();
            waitFor(connection, false, Duration.ofSeconds(6));
            assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(Duration.ofSeconds(5));

            Process stopped = hold(env, log);
            waitFor(connection, true, Duration.ofSeconds(60));
            stopped.destroy();
            assertThat(stopped.waitFor(30, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            try (var rs = connection.createStatement().executeQuery("SELECT count(*) FROM ops_modo_mantenimiento")) {
                rs.next();
                assertThat(rs.getLong(1))
                        .as("a graceful stop turns it off at once")
                        .isZero();
            }
            Files.deleteIfExists(log);
        }
    }
}
