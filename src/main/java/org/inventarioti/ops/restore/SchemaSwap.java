package org.inventarioti.ops.restore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.inventarioti.ops.archive.Catalog;

/**
 * The one moment the target changes: in a single transaction the staging schema becomes {@code
 * public} and the old {@code public} is dropped. Before that the installation's own state (tables
 * never archived: {@code ops_*}, sessions) is carried over, and extensions living in the old schema
 * move to the new one. Until this commits the target is exactly as it was.
 */
final class SchemaSwap {

    static final String TARGET = "public";

    private SchemaSwap() {}

    static void swap(Connection connection, String staging) throws SQLException {
        connection.setAutoCommit(false);
        try (var statement = connection.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = '30s'");
            boolean oldExists = schemaExists(connection, TARGET);
            if (oldExists) {
                carryOverInstallationState(connection, staging);
                for (String extension : extensionsIn(connection, TARGET)) {
                    statement.execute(
                            "ALTER EXTENSION " + Catalog.quote(extension) + " SET SCHEMA " + Catalog.quote(staging));
                }
                String retired = staging + "_old";
                statement.execute("ALTER SCHEMA " + TARGET + " RENAME TO " + Catalog.quote(retired));
                statement.execute("ALTER SCHEMA " + Catalog.quote(staging) + " RENAME TO " + TARGET);
                statement.execute("DROP SCHEMA " + Catalog.quote(retired) + " CASCADE");
            } else {
                statement.execute("ALTER SCHEMA " + Catalog.quote(staging) + " RENAME TO " + TARGET);
            }
            statement.execute("GRANT USAGE ON SCHEMA " + TARGET + " TO PUBLIC");
            statement.execute("COMMENT ON SCHEMA " + TARGET + " IS 'standard public schema'");
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Rows of the tables a backup leaves out, copied from the old schema into the new one. */
    private static void carryOverInstallationState(Connection connection, String staging) throws SQLException {
        List<Catalog.TableInfo> built = Catalog.tables(connection, staging);
        for (Catalog.TableInfo old : Catalog.tables(connection, TARGET)) {
            if (Catalog.archived(old.name()) || old.name().equals(Catalog.HISTORY_TABLE)) {
                continue;
            }
            var target = built.stream().filter(t -> t.name().equals(old.name())).findFirst();
            if (target.isEmpty()) {
                continue;
            }
            List<String> common = new ArrayList<>(old.columns());
            common.retainAll(target.get().columns());
            String columns =
                    String.join(", ", common.stream().map(Catalog::quote).toList());
            try (var statement = connection.createStatement()) {
                statement.execute("INSERT INTO " + Catalog.qualified(staging, old.name()) + " (" + columns
                        + ") OVERRIDING SYSTEM VALUE SELECT " + columns + " FROM "
                        + Catalog.qualified(TARGET, old.name()));
            }
        }
        Sequences.catchUpWithColumns(
                connection, staging, t -> !Catalog.archived(t) && !t.equals(Catalog.HISTORY_TABLE));
    }

    static boolean schemaExists(Connection connection, String schema) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            statement.setString(1, schema);
            try (var rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static List<String> extensionsIn(Connection connection, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (var statement = connection.prepareStatement(
                "SELECT e.extname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE n.nspname = ?")) {
            statement.setString(1, schema);
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}
