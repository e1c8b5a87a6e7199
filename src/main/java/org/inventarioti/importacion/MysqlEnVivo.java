package org.inventarioti.importacion;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The original's live MySQL/MariaDB database through MariaDB Connector/J: one read-only
 * connection, one REPEATABLE READ transaction opened WITH CONSISTENT SNAPSHOT, so every table is
 * read as of the same instant; rows are streamed, never held.
 */
final class MysqlEnVivo implements Origen {

    private static final int FETCH = 2000;

    private final String description;
    private final Connection connection;
    private final Map<String, List<Columna>> tables;

    private MysqlEnVivo(String description, Connection connection, Map<String, List<Columna>> tables) {
        this.description = description;
        this.connection = connection;
        this.tables = tables;
    }

    /** {@code jdbc:mariadb://…} or {@code jdbc:mysql://…}; user and password may also be in the URL. */
    static MysqlEnVivo abrir(String url, String user, String password) {
        String mariadb = mariadbUrl(url);
        String description = describe(mariadb);
        Properties properties = new Properties();
        if (user != null && !user.isEmpty()) {
            properties.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.putIfAbsent("connectTimeout", "10000");
        Connection connection;
        try {
            connection = DriverManager.getConnection(mariadb, properties);
        } catch (SQLException e) {
            throw new ImportacionRechazada("cannot connect to the source " + description + ": " + reason(e), e);
        }
        try {
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
            }
            return new MysqlEnVivo(description, connection, columns(connection, description));
        } catch (SQLException | RuntimeException e) {
            close(connection);
            if (e instanceof ImportacionRechazada refused) {
                throw refused;
            }
            throw new ImportacionRechazada("cannot read the source " + description + ": " + reason(e), e);
        }
    }

    static String mariadbUrl(String url) {
        if (url.startsWith("jdbc:mysql://")) {
            return "jdbc:mariadb://" + url.substring("jdbc:mysql://".length());
        }
        if (!url.startsWith("jdbc:mariadb://")) {
            throw new ImportacionRechazada(
                    "--from needs a jdbc:mariadb://host:port/database" + " or jdbc:mysql://host:port/database URL");
        }
        return url;
    }

    /** host:port/database, without credentials or parameters. */
    static String describe(String url) {
        URI uri = URI.create(url.substring("jdbc:".length()));
        int port = uri.getPort() < 0 ? 3306 : uri.getPort();
        String path = uri.getPath() == null ? "" : uri.getPath();
        return uri.getHost() + ":" + port + path;
    }

    private static Map<String, List<Columna>> columns(Connection connection, String description) throws SQLException {
        String database;
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT DATABASE()")) {
            rs.next();
            database = rs.getString(1);
        }
        if (database == null) {
            throw new ImportacionRechazada("the source URL names no database: jdbc:mariadb://host:port/DATABASE");
        }
        Map<String, List<Columna>> tables = new LinkedHashMap<>();
        try (var statement = connection.prepareStatement("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE table_schema = ? ORDER BY table_name, ordinal_position""")) {
            statement.setString(1, database);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    tables.computeIfAbsent(rs.getString(1).toLowerCase(Locale.ROOT), t -> new ArrayList<>())
                            .add(new Columna(
                                    rs.getString(2).toLowerCase(Locale.ROOT),
                                    rs.getString(3).toLowerCase(Locale.ROOT)));
                }
            }
        }
        if (tables.isEmpty()) {
            throw new ImportacionRechazada("the source " + description + " shows no tables (empty database,"
                    + " or the user may not read it)");
        }
        return tables;
    }

    @Override
    public String describir() {
        return description;
    }

    @Override
    public Map<String, List<Columna>> tablas() {
        return tables;
    }

    @Override
    public void leer(String tabla, List<String> columnas, Fila fila) throws Exception {
        List<Columna> declared = tables.get(tabla);
        List<String> present = columnas.stream()
                .filter(c -> declared.stream().anyMatch(d -> d.nombre().equals(c)))
                .toList();
        String select = present.isEmpty()
                ? "1"
                : present.stream().map(MysqlEnVivo::quote).collect(Collectors.joining(", "));
        String order = present.contains("id") ? " ORDER BY `id`" : "";
        int[] index = columnas.stream().mapToInt(present::indexOf).toArray();
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(FETCH);
            try (ResultSet rs = statement.executeQuery("SELECT " + select + " FROM " + quote(tabla) + order)) {
                while (rs.next()) {
                    String[] values = new String[index.length];
                    for (int i = 0; i < index.length; i++) {
                        values[i] = index[i] < 0 ? null : rs.getString(index[i] + 1);
                    }
                    fila.aceptar(values);
                }
            }
        } catch (SQLException e) {
            throw new ImportacionRechazada("cannot read table " + tabla + " of " + description + ": " + reason(e), e);
        }
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @Override
    public void close() {
        close(connection);
    }

    private static void close(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // read-only: nothing to undo
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // closing anyway
        }
    }
}
