package org.inventarioti.ops.restore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.inventarioti.ops.archive.Catalog;

/**
 * The one moment the target changes: in a single transaction the objects of {@code public} move to
 * a retired schema, the staging schema's objects move into {@code public}, and the retired ones are
 * dropped. Before that the installation's own state (tables never archived: {@code ops_*},
 * sessions) is carried over. Extensions and their objects stay where they are: a trusted
 * extension's functions belong to the superuser, and the database's owner role that restores (not a
 * superuser) may neither move nor re-create them. Until this commits the target is exactly as it
 * was.
 */
final class SchemaSwap {

    static final String TARGET = "public";

    private SchemaSwap() {}

    static void swap(Connection connection, String staging) throws SQLException {
        connection.setAutoCommit(false);
        try (var statement = connection.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = '30s'");
            if (schemaExists(connection, TARGET)) {
                carryOverInstallationState(connection, staging);
                String retired = staging + "_old";
                statement.execute("CREATE SCHEMA " + Catalog.quote(retired));
                SchemaObjects.move(connection, TARGET, retired);
                SchemaObjects.move(connection, staging, TARGET);
                statement.execute("DROP SCHEMA " + Catalog.quote(retired) + " CASCADE");
                // Empty now: anything left (an extension made there) fails the swap rather than being lost.
                statement.execute("DROP SCHEMA " + Catalog.quote(staging));
            } else {
                statement.execute("ALTER SCHEMA " + Catalog.quote(staging) + " RENAME TO " + TARGET);
                statement.execute("GRANT USAGE ON SCHEMA " + TARGET + " TO PUBLIC");
                statement.execute("COMMENT ON SCHEMA " + TARGET + " IS 'standard public schema'");
            }
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
                // The installation's state replaces whatever the migrations seeded in the new schema.
                statement.execute("DELETE FROM " + Catalog.qualified(staging, old.name()));
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
}
