package org.inventarioti.ops.restore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.UUID;
import org.inventarioti.config.Database;
import org.inventarioti.config.EmbeddedPostgresServer;
import org.inventarioti.ops.archive.Catalog;

/**
 * Where {@code verify --restore-test} restores: a temporary database on the configured server
 * (needs CREATEDB), or a throwaway embedded PostgreSQL in a temporary directory. Closing drops it.
 */
public abstract sealed class ScratchDatabase implements AutoCloseable {

    /** Where the test restore runs; {@code AUTO} picks the server when the role may create databases. */
    public enum Kind {
        AUTO,
        SERVER,
        EMBEDDED
    }

    abstract Database database();

    abstract String kind();

    static ScratchDatabase open(Kind kind, Database configured) throws Exception {
        Kind chosen = kind == Kind.AUTO ? (mayCreateDatabases(configured) ? Kind.SERVER : Kind.EMBEDDED) : kind;
        return chosen == Kind.SERVER ? OnServer.create(configured) : Embedded.start();
    }

    private static boolean mayCreateDatabases(Database configured) {
        try (Connection connection = configured.connect();
                var statement = connection.createStatement();
                var rs = statement.executeQuery(
                        "SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user")) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            return false;
        }
    }

    static final class OnServer extends ScratchDatabase {
        private final Database server;
        private final String name;

        private OnServer(Database server, String name) {
            this.server = server;
            this.name = name;
        }

        static OnServer create(Database configured) throws SQLException {
            String name = "inventario_verify_"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection connection = configured.connect();
                    var statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + Catalog.quote(name) + " TEMPLATE template0");
            }
            return new OnServer(configured, name);
        }

        @Override
        Database database() {
            return server.withName(name);
        }

        @Override
        String kind() {
            return "server";
        }

        @Override
        public void close() throws SQLException {
            try (Connection connection = server.connect();
                    var statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + Catalog.quote(name) + " WITH (FORCE)");
            }
        }
    }

    static final class Embedded extends ScratchDatabase {
        private final Path dir;
        private final EmbeddedPostgresServer server;

        private Embedded(Path dir, EmbeddedPostgresServer server) {
            this.dir = dir;
            this.server = server;
        }

        static Embedded start() throws IOException {
            Path dir = Files.createTempDirectory("inventario-verify-");
            return new Embedded(dir, EmbeddedPostgresServer.startOrAttach(dir.resolve("postgres"), 0, false));
        }

        @Override
        Database database() {
            return new Database(server.jdbcUrl(), EmbeddedPostgresServer.USER, "");
        }

        @Override
        String kind() {
            return "embedded";
        }

        @Override
        public void close() throws IOException {
            server.close();
            try (var files = Files.walk(dir)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
