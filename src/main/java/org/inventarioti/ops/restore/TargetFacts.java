package org.inventarioti.ops.restore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.inventarioti.ops.archive.Catalog;

/** Facts about a schema the report states: specification conversion, users, whether anything is there. */
final class TargetFacts {

    private TargetFacts() {}

    static List<String> relations(Connection connection, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (var statement = connection.prepareStatement("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                ORDER BY c.relname
                """)) {
            statement.setString(1, schema);
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    static Optional<RestoreReport.Especificaciones> especificaciones(Connection connection, String schema)
            throws SQLException {
        if (!Catalog.hasTable(connection, schema, "activos")) {
            return Optional.empty();
        }
        String type = columnType(connection, schema, "activos", "especificaciones_json");
        String converted;
        if (type != null) {
            converted = "SELECT count(*) FROM " + Catalog.qualified(schema, "activos")
                    + " WHERE especificaciones_json IS NOT NULL";
        } else if ("jsonb".equals(columnType(connection, schema, "activos", "especificaciones"))) {
            converted = "SELECT count(*) FROM " + Catalog.qualified(schema, "activos")
                    + " WHERE especificaciones <> '{}'::jsonb";
        } else {
            return Optional.empty();
        }
        long quarantined = Catalog.hasTable(connection, schema, "especificaciones_cuarentena")
                ? scalar(
                        connection,
                        "SELECT count(*) FROM " + Catalog.qualified(schema, "especificaciones_cuarentena")
                                + " WHERE resuelto_en IS NULL")
                : 0;
        return Optional.of(new RestoreReport.Especificaciones(scalar(connection, converted), quarantined));
    }

    static Optional<RestoreReport.Usuarios> usuarios(Connection connection, String schema) throws SQLException {
        if (!Catalog.hasTable(connection, schema, "usuarios")) {
            return Optional.empty();
        }
        String table = Catalog.qualified(schema, "usuarios");
        return Optional.of(new RestoreReport.Usuarios(
                scalar(connection, "SELECT count(*) FROM " + table),
                scalar(connection, "SELECT count(*) FROM " + table + " WHERE rol = 'ADMIN' AND enabled")));
    }

    private static String columnType(Connection connection, String schema, String table, String column)
            throws SQLException {
        try (var statement = connection.prepareStatement("""
                SELECT format_type(a.atttypid, a.atttypmod)
                FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relname = ? AND a.attname = ? AND NOT a.attisdropped
                """)) {
            statement.setString(1, schema);
            statement.setString(2, table);
            statement.setString(3, column);
            try (var rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static long scalar(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
