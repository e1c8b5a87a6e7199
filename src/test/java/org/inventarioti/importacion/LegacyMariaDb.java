package org.inventarioti.importacion;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.inventarioti.support.Processes;

/**
 * Databases of the original Inventario-TI built in the machine's MariaDB (127.0.0.1:3306, root
 * without password), uniquely named legacy_import_…, dropped on close. Without MariaDB the tests
 * skip locally and fail in CI (CI=true), never silently passing.
 */
final class LegacyMariaDb implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    static final int PORT = 3306;

    final String name;

    private LegacyMariaDb(String name) {
        this.name = name;
    }

    static void requireServer() {
        try (Connection ignored = DriverManager.getConnection(url(""), "root", "")) {
            // reachable
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                fail("MariaDB at " + HOST + ":" + PORT + " is needed in CI (.ci/run starts it): " + e.getMessage());
            }
            assumeTrue(false, "needs MariaDB at " + HOST + ":" + PORT);
        }
    }

    static String url(String database) {
        return "jdbc:mariadb://" + HOST + ":" + PORT + "/" + database;
    }

    static LegacyMariaDb create() throws SQLException {
        requireServer();
        String name =
                "legacy_import_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return new LegacyMariaDb(name);
    }

    String url() {
        return url(name);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "root", "");
    }

    void execute(String... statements) throws SQLException {
        try (Connection connection = connect();
                var statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** The real mariadb-dump's output (default options: extended INSERTs, comments, CREATE TABLE). */
    Path dump(Path dir, String... options) throws Exception {
        Path file = dir.resolve(name + ".sql");
        List<String> command = new java.util.ArrayList<>(List.of(
                "mariadb-dump", "-h", HOST, "-P", Integer.toString(PORT), "-u", "root", "--result-file=" + file));
        command.addAll(List.of(options));
        command.add(name);
        Processes.Result result = Processes.run(command, Map.of(), Duration.ofMinutes(5));
        if (result.exit() != 0) {
            throw new IllegalStateException("mariadb-dump failed: " + result.output());
        }
        return file;
    }

    static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(""), "root", "");
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + name);
    }

    static boolean gzip(Path file, Path out) throws Exception {
        try (var in = Files.newInputStream(file);
                var zip = new java.util.zip.GZIPOutputStream(Files.newOutputStream(out))) {
            in.transferTo(zip);
        }
        return true;
    }
}
