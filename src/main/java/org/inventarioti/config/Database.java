package org.inventarioti.config;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * How to reach one PostgreSQL database. The password stays in memory: {@link #describe()} and
 * {@link #toString()} never show it nor the URL's parameters (which may carry one).
 */
public record Database(String url, String user, String password) {

    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (user != null && !user.isEmpty()) {
            properties.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.putIfAbsent("ApplicationName", "inventario-ti-ops");
        return DriverManager.getConnection(url, properties);
    }

    /** {@code host:port/database}, without credentials or parameters. */
    public String describe() {
        return host() + ":" + port() + "/" + name();
    }

    public String host() {
        return uri().getHost();
    }

    public int port() {
        int port = uri().getPort();
        return port < 0 ? 5432 : port;
    }

    public String name() {
        String path = uri().getPath();
        return path == null || path.length() < 2 ? "" : path.substring(1);
    }

    /** The same server and credentials, another database. */
    public Database withName(String database) {
        URI uri = uri();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new Database("jdbc:postgresql://" + uri.getRawAuthority() + "/" + database + query, user, password);
    }

    private URI uri() {
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db)");
        }
        return URI.create(url.substring("jdbc:".length()));
    }

    @Override
    public String toString() {
        return "Database[" + describe() + ", user=" + user + "]";
    }
}
