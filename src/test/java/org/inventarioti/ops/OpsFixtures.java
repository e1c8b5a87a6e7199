package org.inventarioti.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.inventarioti.config.Database;
import org.inventarioti.ops.archive.Catalog;
import org.inventarioti.support.Processes;
import org.inventarioti.support.TestDatabase;

/** Databases with known content for the backup and restore tests. */
public final class OpsFixtures {

    private OpsFixtures() {}

    public static Database database(TestDatabase.Scratch scratch) {
        TestDatabase db = TestDatabase.get();
        return new Database(scratch.jdbcUrl(), db.user(), db.password());
    }

    /** A new scratch database migrated to {@code target} (null: the newest version). */
    public static TestDatabase.Scratch migrated(String target) {
        TestDatabase.Scratch scratch = TestDatabase.get().scratch();
        Database database = database(scratch);
        var configuration = Flyway.configure()
                .dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
        return scratch;
    }

    /** The benchmark's data set (bench/backup-restore-data.sql) with {@code assets} assets. */
    public static void sampleData(Connection connection, int assets) throws SQLException {
        String sql;
        try {
            sql = Files.readString(Processes.ROOT.resolve("bench/backup-restore-data.sql"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (var statement = connection.createStatement()) {
            statement.execute(sql.replace(":assets", Integer.toString(assets)));
        }
    }

    /** An ordered content hash of every archived table. */
    public static Map<String, String> contentHashes(Connection connection) throws SQLException {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Catalog.TableInfo table : Catalog.tables(connection, "public")) {
            if (!Catalog.archived(table.name())) {
                continue;
            }
            try (var statement = connection.createStatement();
                    var rs = statement.executeQuery("SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, E'\\n'"
                            + " ORDER BY t::text), '')) FROM " + Catalog.qualified("public", table.name()) + " t")) {
                rs.next();
                hashes.put(table.name(), rs.getString(1));
            }
        }
        return hashes;
    }

    /** Rows in the tables a backup archives (migrations may have seeded some). */
    public static long archivedRows(Connection connection) throws SQLException {
        long total = 0;
        for (var table : org.inventarioti.ops.archive.Catalog.archivedTables(connection, "public")) {
            total += scalar(connection, "SELECT count(*) FROM " + table.name());
        }
        return total;
    }

    public static String schemaVersion(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery(
                        "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    public static long scalar(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
