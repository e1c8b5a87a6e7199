package org.inventarioti.ops.restore;

import java.sql.Connection;
import java.sql.SQLException;
import org.inventarioti.ops.archive.ArchiveReader;
import org.inventarioti.ops.archive.Catalog;
import org.postgresql.PGConnection;

/**
 * Puts the archive's own migration history back, row for row. Building the staging schema runs
 * the migrations in version order, so its {@code flyway_schema_history} gets new ranks, dates and
 * durations; a host where a contract ran after later expand migrations (V3 after V41, the seed's
 * window) would come back with a different history. The archive's {@code meta/} copy of the table
 * is the truth; migrations this restore applied beyond it (pending expands with
 * {@code --allow-version-mismatch}) are appended after its last rank.
 */
final class ArchivedHistory {

    static final String MEMBER = "meta/" + Catalog.HISTORY_TABLE + ".copy";

    private ArchivedHistory() {}

    static void restore(Connection connection, String staging, ArchiveReader reader) throws Exception {
        if (reader.manifest().member(MEMBER).isEmpty()) {
            return; // an archive without its history copy keeps the rebuilt history
        }
        String table = Catalog.qualified(staging, Catalog.HISTORY_TABLE);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            execute(connection, "CREATE TEMP TABLE restore_built_history ON COMMIT DROP AS SELECT * FROM " + table);
            execute(connection, "DELETE FROM " + table);
            try (ArchiveReader.CheckedStream in = reader.member(MEMBER)) {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN", in);
                if (!in.verified()) {
                    in.drainAndVerify();
                }
            }
            execute(
                    connection,
                    "INSERT INTO " + table + " SELECT (SELECT coalesce(max(installed_rank), 0) FROM " + table + ")"
                            + " + row_number() OVER (ORDER BY b.installed_rank),"
                            + " b.version, b.description, b.type, b.script, b.checksum, b.installed_by,"
                            + " b.installed_on, b.execution_time, b.success"
                            + " FROM restore_built_history b WHERE b.version IS NOT NULL AND b.success"
                            + " AND NOT EXISTS (SELECT 1 FROM " + table + " t WHERE t.version = b.version)");
            connection.commit();
        } catch (Exception | Error e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
