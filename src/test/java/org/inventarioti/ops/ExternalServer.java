package org.inventarioti.ops;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.inventarioti.config.Database;

/** Uniquely named databases on the machine's PostgreSQL server (127.0.0.1:5432, user postgres), dropped on close. */
public final class ExternalServer {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5432;
    public static final String USER = "postgres";

    private ExternalServer() {}

    public static boolean available() {
        try (Connection ignored = connect("postgres")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + database, USER, "");
    }

    public static Scratch create() throws SQLException {
        String name = "inventario_test_ops1_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        admin("CREATE DATABASE " + name);
        return new Scratch(name);
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = connect("postgres");
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    public record Scratch(String name) implements AutoCloseable {
        public String jdbcUrl() {
            return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
        }

        public Database database() {
            return new Database(jdbcUrl(), USER, "");
        }

        public Connection connect() throws SQLException {
            return ExternalServer.connect(name);
        }

        @Override
        public void close() throws SQLException {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
