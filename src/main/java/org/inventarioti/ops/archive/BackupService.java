package org.inventarioti.ops.archive;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.inventarioti.config.Database;
import org.inventarioti.ops.release.AppVersion;
import org.postgresql.PGConnection;
import org.springframework.stereotype.Service;

/**
 * {@code inventario backup}: one REPEATABLE READ, read-only transaction (a single point in time that
 * blocks no reader or writer), every archived table streamed through COPY into one ZIP with a
 * manifest. See {@code docs/operations/backup-restore.md} for the format.
 */
@Service
public class BackupService {

    static final String PREFIX = "inventario-backup-";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    public static final String ENCRYPTED_SUFFIX = ".zip.enc";
    private static final java.util.regex.Pattern NAME_STAMP =
            java.util.regex.Pattern.compile("inventario-backup-(\\d{8}T\\d{9})Z.*");

    private final Clock clock;
    private final BackupKeys keys;

    @org.springframework.beans.factory.annotation.Autowired
    BackupService(Clock clock) {
        this(clock, BackupKeys.fromEnvironment());
    }

    BackupService(Clock clock, BackupKeys keys) {
        this.clock = clock;
        this.keys = keys;
    }

    /** For commands that run without the application context (a restore into an explicit target). */
    public static BackupService standalone() {
        return new BackupService(Clock.systemUTC());
    }

    /** With explicit keys instead of the environment's (tests, tools). */
    public static BackupService standalone(BackupKeys keys) {
        return new BackupService(Clock.systemUTC(), keys);
    }

    /** The keys archives are written and read with. */
    public BackupKeys keys() {
        return keys;
    }

    /** {@code inventario-backup-<stamp>.zip}, or {@code .zip.enc} when encrypted. */
    public static boolean isArchiveName(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith(PREFIX) && (name.endsWith(".zip") || name.endsWith(ENCRYPTED_SUFFIX));
    }

    /** The snapshot time an archive's name carries ({@code inventario-backup-<yyyyMMddTHHmmssSSS>Z...}), if any. */
    public static java.util.Optional<Instant> snapshotTime(String name) {
        java.util.regex.Matcher m = NAME_STAMP.matcher(name);
        if (m.matches()) {
            try {
                return java.util.Optional.of(
                        java.time.LocalDateTime.parse(m.group(1), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS"))
                                .toInstant(ZoneOffset.UTC));
            } catch (java.time.format.DateTimeParseException e) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }

    public BackupResult backup(Database source, boolean embedded, Path outputDir, BackupProgress progress)
            throws Exception {
        return backup(source, embedded, outputDir, progress, name -> null);
    }

    /**
     * As {@link #backup(Database, boolean, Path, BackupProgress)}, and the archive's bytes also go,
     * as they are written, to the stream {@code copyTo} gives for the archive's file name (an
     * off-site upload); null: no copy. The stream is not closed here.
     */
    public BackupResult backup(
            Database source,
            boolean embedded,
            Path outputDir,
            BackupProgress progress,
            java.util.function.Function<String, OutputStream> copyTo)
            throws Exception {
        long started = System.nanoTime();
        BackupKeys.Key key = keys.checked().current().orElse(null);
        Path dir = outputDir.toAbsolutePath();
        Files.createDirectories(dir);
        ArchiveWriter.removeAbandonedPartials(dir);
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Path target = uniqueName(dir, now, key != null ? ENCRYPTED_SUFFIX : ".zip");
        try (Connection connection = source.connect();
                ArchiveWriter writer = ArchiveWriter.create(
                        target,
                        java.util.zip.Deflater.BEST_SPEED,
                        key,
                        copyTo.apply(target.getFileName().toString()))) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                statement.execute("SET LOCAL statement_timeout = 0");
                statement.execute("SET LOCAL idle_in_transaction_session_timeout = 0");
            }
            Manifest manifest = snapshot(connection, writer, source, embedded, now, progress);
            Path archive = writer.commit(manifest);
            connection.rollback();
            return new BackupResult(
                    archive, Files.size(archive), manifest, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private Manifest snapshot(
            Connection connection,
            ArchiveWriter writer,
            Database source,
            boolean embedded,
            Instant now,
            BackupProgress progress)
            throws Exception {
        String schema = scalar(connection, "SELECT current_schema()");
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        List<Catalog.TableInfo> tables = Catalog.archivedTables(connection, schema);
        List<Manifest.AppliedMigration> history = Catalog.history(connection, schema);
        progress.started(tables.size());
        List<Manifest.Table> entries = new ArrayList<>();
        int index = 0;
        for (Catalog.TableInfo table : tables) {
            progress.tableStarted(table.name(), ++index);
            String member = "data/" + table.name() + ".copy";
            String sql = "COPY " + Catalog.qualified(schema, table.name()) + " (" + columnList(table.columns())
                    + ") TO STDOUT";
            Manifest.Member written =
                    writer.member(member, true, out -> copy.copyOut(sql, counting(out, table.name(), progress)));
            entries.add(new Manifest.Table(table.name(), member, table.columns(), written.rows()));
            progress.tableDone(table.name(), written.rows(), written.bytes());
        }
        if (!history.isEmpty()) {
            String sql = "COPY " + Catalog.qualified(schema, Catalog.HISTORY_TABLE) + " TO STDOUT";
            writer.member("meta/" + Catalog.HISTORY_TABLE + ".copy", true, out -> copy.copyOut(sql, out));
            writeScripts(writer, history);
        }
        return new Manifest(
                Manifest.FORMAT,
                Manifest.FORMAT_VERSION,
                AppVersion.get(),
                now.toString(),
                new Manifest.Source(
                        source.host(),
                        source.port(),
                        source.name(),
                        scalar(connection, "SHOW server_version"),
                        embedded),
                Catalog.schema(history),
                entries,
                sequences(connection, schema),
                writer.members());
    }

    /** The release's migration scripts the history names, so a DBA can rebuild the schema by hand. */
    private static void writeScripts(ArchiveWriter writer, List<Manifest.AppliedMigration> history) throws Exception {
        ClassLoader loader = BackupService.class.getClassLoader();
        for (Manifest.AppliedMigration migration : history) {
            if (!"SQL".equals(migration.type()) || migration.script() == null) {
                continue;
            }
            String resource = "db/migration/" + migration.script();
            if (loader.getResource(resource) != null) {
                writer.member("schema/" + migration.script(), false, out -> {
                    try (InputStream in = loader.getResourceAsStream(resource)) {
                        in.transferTo(out);
                    }
                });
            }
        }
    }

    private static List<Manifest.SequenceValue> sequences(Connection connection, String schema) throws SQLException {
        List<Manifest.SequenceValue> values = new ArrayList<>();
        for (Catalog.SequenceInfo sequence : Catalog.sequences(connection, schema)) {
            if (sequence.ownerTable() != null && !Catalog.archived(sequence.ownerTable())) {
                continue;
            }
            try (var statement = connection.createStatement();
                    var rs = statement.executeQuery(
                            "SELECT last_value, is_called FROM " + Catalog.qualified(schema, sequence.name()))) {
                rs.next();
                values.add(new Manifest.SequenceValue(
                        sequence.name(),
                        sequence.ownerTable(),
                        sequence.ownerColumn(),
                        rs.getLong(1),
                        rs.getBoolean(2)));
            }
        }
        return values;
    }

    static String columnList(List<String> columns) {
        return String.join(", ", columns.stream().map(Catalog::quote).toList());
    }

    private static String scalar(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Path uniqueName(Path dir, Instant now, String suffix) {
        String base = PREFIX + STAMP.format(now);
        Path candidate = dir.resolve(base + suffix);
        for (int i = 1; Files.exists(candidate); i++) {
            candidate = dir.resolve(base + "-" + i + suffix);
        }
        return candidate;
    }

    private static OutputStream counting(OutputStream out, String table, BackupProgress progress) {
        if (!progress.wantsRows()) {
            return out;
        }
        return new FilterOutputStream(out) {
            private long rows;
            private long reported;

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                out.write(buffer, offset, length);
                for (int i = offset; i < offset + length; i++) {
                    if (buffer[i] == '\n') {
                        rows++;
                    }
                }
                if (rows - reported >= 10_000) {
                    reported = rows;
                    progress.rows(table, rows);
                }
            }

            @Override
            public void close() {}
        };
    }
}
