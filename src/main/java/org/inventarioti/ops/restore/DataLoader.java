package org.inventarioti.ops.restore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inventarioti.config.Database;
import org.inventarioti.ops.archive.ArchiveException;
import org.inventarioti.ops.archive.ArchiveReader;
import org.inventarioti.ops.archive.Catalog;
import org.inventarioti.ops.archive.Manifest;
import org.postgresql.PGConnection;

/**
 * Loads an archive's data into a freshly built staging schema the way {@code pg_restore -j} does:
 * foreign keys and secondary indexes are dropped and rebuilt around COPY, user triggers (the V2
 * sync/quarantine triggers, audit guards) are off so rows land exactly as they were archived, and
 * the tables are loaded and their indexes built in parallel on several connections, each table in
 * its own transaction ({@code TRUNCATE} + {@code COPY FREEZE}). All of it happens in the staging
 * schema, which the target only sees at the swap; any failure drops it.
 */
final class DataLoader {

    interface Progress {
        void loaded(String table, long rows);

        default void phase(String message) {}
    }

    private DataLoader() {}

    /**
     * Returns the row count of each table as restored. {@code connection} must not be in auto-commit
     * mode: the preparation is committed (the workers need to see it), the final steps (foreign keys,
     * triggers, sequences, counts) are left in an open transaction for the caller to check and commit.
     */
    static Map<String, Long> load(
            Connection connection, Database database, String schema, ArchiveReader archive, int jobs, Progress progress)
            throws Exception {
        Manifest manifest = archive.manifest();
        searchPath(connection, schema);
        checkColumns(connection, schema, manifest);
        List<String> tables =
                manifest.tables().stream().map(Manifest.Table::name).toList();
        List<String> foreignKeys = dropForeignKeys(connection, schema);
        Map<String, List<String>> indexes = dropSecondaryIndexes(connection, schema, tables);
        execute(connection, tables, t -> "ALTER TABLE " + Catalog.qualified(schema, t) + " DISABLE TRIGGER USER");
        connection.commit();

        progress.phase("Loading data and building indexes on " + jobs + " connections");
        ParallelWork work = new ParallelWork(database, schema, jobs);
        manifest.tables().stream()
                .sorted(Comparator.comparingLong((Manifest.Table t) -> memberBytes(manifest, t))
                        .reversed())
                .forEach(table -> work.add((worker, queue) -> {
                    copy(worker, schema, archive, table);
                    progress.loaded(table.name(), table.rows());
                    for (String index : indexes.getOrDefault(table.name(), List.of())) {
                        queue.add((w, q) -> ParallelWork.execute(w, index));
                    }
                }));
        work.run();

        progress.phase("Adding foreign keys, enabling triggers, setting sequences");
        searchPath(connection, schema);
        execute(connection, foreignKeys, sql -> sql);
        execute(connection, tables, t -> "ALTER TABLE " + Catalog.qualified(schema, t) + " ENABLE TRIGGER USER");
        Sequences.restore(connection, schema, manifest);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables) {
            counts.put(table, count(connection, schema, table));
        }
        return counts;
    }

    /**
     * One table in one transaction. Migrations may seed rows (the categories of V4): for its tables
     * the archive is the whole truth, hence the TRUNCATE, which also lets COPY write the rows frozen
     * (no later hint-bit writes or anti-wraparound vacuum of a freshly restored database).
     */
    private static void copy(Connection connection, String schema, ArchiveReader archive, Manifest.Table table)
            throws Exception {
        String name = Catalog.qualified(schema, table.name());
        String sql = "COPY " + name + " ("
                + String.join(", ", table.columns().stream().map(Catalog::quote).toList())
                + ") FROM STDIN (FREEZE)";
        connection.setAutoCommit(false);
        try {
            ParallelWork.execute(connection, "TRUNCATE " + name);
            try (ArchiveReader.CheckedStream in = archive.member(table.member())) {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, in, 1 << 16);
                if (!in.verified()) {
                    in.drainAndVerify();
                }
            }
            connection.commit();
        } catch (Exception e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static long memberBytes(Manifest manifest, Manifest.Table table) {
        return manifest.member(table.member()).map(Manifest.Member::bytes).orElse(0L);
    }

    private static void searchPath(Connection connection, String schema) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("SET LOCAL search_path TO " + Catalog.quote(schema));
        }
    }

    /** Every archived column must exist in the schema built for the archive's version. */
    private static void checkColumns(Connection connection, String schema, Manifest manifest) throws SQLException {
        Map<String, List<String>> built = new LinkedHashMap<>();
        for (Catalog.TableInfo table : Catalog.tables(connection, schema)) {
            built.put(table.name(), table.columns());
        }
        for (Manifest.Table table : manifest.tables()) {
            List<String> columns = built.get(table.name());
            if (columns == null) {
                throw new ArchiveException("table " + table.name() + " does not exist at schema version "
                        + manifest.schema().version() + " of this release");
            }
            for (String column : table.columns()) {
                if (!columns.contains(column)) {
                    throw new ArchiveException(
                            "column " + table.name() + "." + column + " does not exist at schema version "
                                    + manifest.schema().version() + " of this release");
                }
            }
        }
    }

    private static List<String> dropForeignKeys(Connection connection, String schema) throws SQLException {
        List<String> recreate = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        String sql = """
                SELECT t.relname, k.conname, pg_get_constraintdef(k.oid)
                FROM pg_constraint k
                JOIN pg_class t ON t.oid = k.conrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE k.contype = 'f' AND n.nspname = ?
                ORDER BY t.relname, k.conname
                """;
        try (var statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    String table = Catalog.qualified(schema, rs.getString(1));
                    String name = Catalog.quote(rs.getString(2));
                    drop.add("ALTER TABLE " + table + " DROP CONSTRAINT " + name);
                    recreate.add("ALTER TABLE " + table + " ADD CONSTRAINT " + name + " " + rs.getString(3));
                }
            }
        }
        execute(connection, drop, s -> s);
        return recreate;
    }

    /**
     * Indexes that back no constraint, by table; rebuilding them after COPY is much faster than
     * maintaining them. GIN indexes come first: they are the slowest to build and the most worth
     * starting early.
     */
    private static Map<String, List<String>> dropSecondaryIndexes(
            Connection connection, String schema, List<String> tables) throws SQLException {
        Map<String, List<String>> recreate = new LinkedHashMap<>();
        List<String> drop = new ArrayList<>();
        String sql = """
                SELECT t.relname, c.relname, pg_get_indexdef(i.indexrelid)
                FROM pg_index i
                JOIN pg_class c ON c.oid = i.indexrelid
                JOIN pg_class t ON t.oid = i.indrelid
                JOIN pg_am am ON am.oid = c.relam
                JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = ?
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint k
                                  WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid
                                    AND k.contype IN ('p', 'u', 'x'))
                ORDER BY am.amname <> 'gin', c.relname
                """;
        try (var statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (tables.contains(rs.getString(1))) {
                        drop.add("DROP INDEX " + Catalog.qualified(schema, rs.getString(2)));
                        recreate.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(rs.getString(3));
                    }
                }
            }
        }
        execute(connection, drop, s -> s);
        return recreate;
    }

    static long count(Connection connection, String schema, String table) throws SQLException {
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT count(*) FROM " + Catalog.qualified(schema, table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(
            Connection connection, List<String> items, java.util.function.Function<String, String> sql)
            throws SQLException {
        try (var statement = connection.createStatement()) {
            for (String item : items) {
                statement.execute(sql.apply(item));
            }
        }
    }
}
