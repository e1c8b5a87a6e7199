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
                dropAbandoned(connection);
                statement.execute("CREATE DATABASE " + Catalog.quote(name) + " TEMPLATE template0");
            }
            return new OnServer(configured, name);
        }

        /**
         * Scratch databases of killed test restores (a {@code backup --verify} that never reached
         * its clean-up): this role's, with nobody connected. One in use refuses the DROP and stays.
         */
        static java.util.List<String> dropAbandoned(Connection connection) throws SQLException {
            java.util.List<String> abandoned = new java.util.ArrayList<>();
            try (var statement = connection.createStatement();
                    var rs = statement.executeQuery("SELECT d.datname FROM pg_database d"
                            + " WHERE d.datname LIKE 'inventario\\_verify\\_%'"
                            + " AND pg_get_userbyid(d.datdba) = current_user"
                            + " AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)")) {
                while (rs.next()) {
                    abandoned.add(rs.getString(1));
                }
            }
            java.util.List<String> dropped = new java.util.ArrayList<>();
            for (String database : abandoned) {
                try (var statement = connection.createStatement()) {
                    statement.execute("DROP DATABASE IF EXISTS " + Catalog.quote(database));
                    dropped.add(database);
                } catch (SQLException inUse) {
                    // someone connected meanwhile: a running test restore keeps its database
                }
            }
            return dropped;
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
