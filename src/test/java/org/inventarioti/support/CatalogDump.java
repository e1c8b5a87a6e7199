package org.inventarioti.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A text image of a database's schema (tables, columns, constraints, indexes, triggers, functions,
 * sequences) and its {@code flyway_schema_history}, to prove an operation left them exactly as
 * they were. pg_dump cannot be used: the machine's client is older than the embedded server.
 */
public final class CatalogDump {

    private static final String[] QUERIES = {
        """
        SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
               || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
               || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v') AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY c.relname, a.attnum
        """,
        """
        SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1
        """,
        "SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1",
        """
        SELECT 'trigger ' || pg_get_triggerdef(t.oid) || CASE t.tgenabled WHEN 'D' THEN ' disabled' ELSE '' END
        FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal ORDER BY 1
        """,
        """
        SELECT 'function ' || pg_get_functiondef(p.oid) FROM pg_proc p
        WHERE p.pronamespace = 'public'::regnamespace ORDER BY 1
        """,
        "SELECT 'sequence ' || sequencename FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1",
        """
        SELECT 'history ' || concat_ws(' | ', installed_rank, version, description, type, script, checksum,
                                       installed_by, installed_on, execution_time, success)
        FROM flyway_schema_history ORDER BY installed_rank
        """
    };

    private CatalogDump() {}

    public static String of(Connection connection) throws SQLException {
        StringBuilder dump = new StringBuilder();
        try (Statement statement = connection.createStatement()) {
            boolean history;
            try (var rs = statement.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
                rs.next();
                history = rs.getBoolean(1);
            }
            for (String query : QUERIES) {
                if (!history && query.contains("flyway_schema_history")) {
                    continue;
                }
                try (var rs = statement.executeQuery(query)) {
                    while (rs.next()) {
                        dump.append(rs.getString(1)).append('\n');
                    }
                }
            }
        }
        return dump.toString();
    }

    public static String of(TestDatabase.Scratch db) throws SQLException {
        try (Connection connection = db.connect()) {
            return of(connection);
        }
    }
}
