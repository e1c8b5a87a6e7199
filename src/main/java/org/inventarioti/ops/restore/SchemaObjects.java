package org.inventarioti.ops.restore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves every object of one schema that no extension owns into another: relations (their indexes,
 * constraints, triggers and owned sequences go with them), free-standing sequences, routines and
 * types. What an extension owns stays, so the role needs to own only what the migrations made.
 */
final class SchemaObjects {

    private static final String NOT_EXTENSION = " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = %s"
            + " AND d.classid = '%s'::regclass AND d.deptype = 'e')";

    private SchemaObjects() {}

    static void move(Connection connection, String from, String to) throws SQLException {
        List<String> statements = new ArrayList<>();
        statements.addAll(list(
                connection,
                "SELECT CASE c.relkind WHEN 'v' THEN 'ALTER VIEW ' WHEN 'm' THEN 'ALTER MATERIALIZED VIEW '"
                        + " WHEN 'f' THEN 'ALTER FOREIGN TABLE ' ELSE 'ALTER TABLE ' END"
                        + " || format('%I.%I', n.nspname, c.relname) FROM pg_class c"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition"
                        + NOT_EXTENSION.formatted("c.oid", "pg_class"),
                from));
        statements.addAll(list(
                connection,
                "SELECT 'ALTER TABLE ' || format('%I.%I', n.nspname, c.relname) FROM pg_class c"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = ? AND c.relispartition"
                        + NOT_EXTENSION.formatted("c.oid", "pg_class"),
                from));
        statements.addAll(list(
                connection,
                "SELECT 'ALTER SEQUENCE ' || format('%I.%I', n.nspname, c.relname) FROM pg_class c"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind = 'S'"
                        + " AND NOT EXISTS (SELECT 1 FROM pg_depend o WHERE o.objid = c.oid"
                        + " AND o.classid = 'pg_class'::regclass AND o.refclassid = 'pg_class'::regclass"
                        + " AND o.deptype IN ('a', 'i'))"
                        + NOT_EXTENSION.formatted("c.oid", "pg_class"),
                from));
        statements.addAll(list(
                connection,
                "SELECT CASE p.prokind WHEN 'a' THEN 'ALTER AGGREGATE ' ELSE 'ALTER ROUTINE ' END"
                        + " || format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid))"
                        + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ?"
                        + NOT_EXTENSION.formatted("p.oid", "pg_proc"),
                from));
        statements.addAll(list(
                connection,
                "SELECT CASE t.typtype WHEN 'd' THEN 'ALTER DOMAIN ' ELSE 'ALTER TYPE ' END"
                        + " || format('%I.%I', n.nspname, t.typname) FROM pg_type t"
                        + " JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = ?"
                        + " AND (t.typtype IN ('d', 'e', 'r') OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class"
                        + " WHERE oid = t.typrelid) = 'c'))"
                        + NOT_EXTENSION.formatted("t.oid", "pg_type"),
                from));
        try (var statement = connection.createStatement()) {
            for (String alter : statements) {
                statement.execute(alter + " SET SCHEMA " + org.inventarioti.ops.archive.Catalog.quote(to));
            }
        }
    }

    private static List<String> list(Connection connection, String sql, String schema) throws SQLException {
        List<String> found = new ArrayList<>();
        try (var statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }
}
