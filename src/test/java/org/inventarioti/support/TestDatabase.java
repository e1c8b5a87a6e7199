package org.inventarioti.support;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import org.inventarioti.config.EmbeddedPostgresServer;

/**
 * The PostgreSQL server the tests run against, once per JVM: the embedded one (under
 * target/test-pg) by default, or the server named by {@code INVENTARIO_TEST_DB_URL} (whose
 * database, which must be named {@code inventario_test…}, is dropped and created afresh).
 */
public final class TestDatabase {

    public static final String ENV = "INVENTARIO_TEST_DB_URL";
    private static TestDatabase instance;

    private final String serverBase;
    private final String database;
    private final Properties credentials;
    private final boolean external;

    private TestDatabase(String serverBase, String database, Properties credentials, boolean external) {
        this.serverBase = serverBase;
        this.database = database;
        this.credentials = credentials;
        this.external = external;
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = create();
            instance.recreate(instance.database);
        }
        return instance;
    }

    private static TestDatabase create() {
        String url = System.getenv(ENV);
        if (url == null || url.isBlank()) {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(
                    Path.of("target/test-pg").toAbsolutePath(), 0, false);
            Properties credentials = new Properties();
            credentials.setProperty("user", EmbeddedPostgresServer.USER);
            return new TestDatabase(
                    "jdbc:postgresql://127.0.0.1:" + server.port() + "/", "inventario_test", credentials, false);
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        String database = uri.getPath().substring(1);
        if (!database.startsWith("inventario_test")) {
            throw new IllegalStateException(ENV + " must name a database called inventario_test…: it is dropped");
        }
        Properties credentials = new Properties();
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                credentials.setProperty(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        credentials.putIfAbsent("user", "postgres");
        return new TestDatabase("jdbc:postgresql://" + uri.getAuthority() + "/", database, credentials, true);
    }

    public String jdbcUrl() {
        return jdbcUrl(database);
    }

    public String jdbcUrl(String db) {
        return serverBase + db;
    }

    public String user() {
        return credentials.getProperty("user");
    }

    public String password() {
        return credentials.getProperty("password", "");
    }

    /** The seed's DB_* variables that make the packaged jar use database {@code db} of this server. */
    public java.util.Map<String, String> env(String db) {
        URI uri = URI.create(serverBase.substring("jdbc:".length()));
        java.util.Map<String, String> env = new java.util.HashMap<>();
        env.put("DB_HOST", uri.getHost());
        env.put("DB_PORT", Integer.toString(uri.getPort() == -1 ? 5432 : uri.getPort()));
        env.put("DB_NAME", db);
        env.put("DB_USER", user());
        if (!password().isEmpty()) {
            env.put("DB_PASS", password());
        }
        return env;
    }

    public boolean external() {
        return external;
    }

    public Connection connect(String db) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(db), credentials);
    }

    /** A new empty database on the same server, dropped when closed. */
    public Scratch scratch() {
        String name = "scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        recreate(name);
        return new Scratch(name);
    }

    public void recreate(String db) {
        admin("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        admin("CREATE DATABASE " + db);
    }

    public void drop(String db) {
        admin("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
    }

    private void admin(String sql) {
        try (Connection connection = connect("postgres");
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    public final class Scratch implements AutoCloseable {
        private final String name;

        private Scratch(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        public String jdbcUrl() {
            return TestDatabase.this.jdbcUrl(name);
        }

        public Connection connect() throws SQLException {
            return TestDatabase.this.connect(name);
        }

        @Override
        public void close() {
            drop(name);
        }
    }
}
