package org.inventarioti.ops.restore;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.api.MigrationVersion;
import org.inventarioti.config.Database;
import org.inventarioti.ops.archive.ArchiveException;
import org.inventarioti.ops.archive.ArchiveReader;
import org.inventarioti.ops.archive.BackupProgress;
import org.inventarioti.ops.archive.BackupService;
import org.inventarioti.ops.archive.Catalog;
import org.inventarioti.ops.archive.Manifest;
import org.inventarioti.ops.release.AppVersion;
import org.inventarioti.ops.release.MigrationScripts;
import org.springframework.stereotype.Service;

/**
 * {@code inventario restore}: builds the archive's schema version with this release's migrations
 * in a staging schema, loads and checks the data there, applies pending expand migrations, and
 * only then swaps it in for {@code public} in one transaction. A failure or a killed process at
 * any point before that commit leaves the target as it was.
 */
@Service
public class RestoreService {

    static final String STAGING_PREFIX = "inventario_restore_";
    private static final long LOCK_KEY = 0x1_4E56_5245L; // "inventario restore"

    private final BackupService backups;

    RestoreService(BackupService backups) {
        this.backups = backups;
    }

    /** For commands that run without the application context (a restore into an explicit target). */
    public static RestoreService standalone() {
        return new RestoreService(BackupService.standalone());
    }

    /** With explicit archive keys instead of the environment's. */
    public static RestoreService standalone(org.inventarioti.ops.archive.BackupKeys keys) {
        return new RestoreService(BackupService.standalone(keys));
    }

    public org.inventarioti.ops.archive.BackupKeys keys() {
        return backups.keys();
    }

    public RestoreReport restore(Path archive, Database target, RestoreOptions options, PrintWriter log)
            throws Exception {
        long started = System.nanoTime();
        ReleaseMigrations release = ReleaseMigrations.load();
        try (ArchiveReader reader = ArchiveReader.open(archive, backups.keys());
                Connection connection = target.connect()) {
            Manifest manifest = reader.manifest();
            MigrationVersion archived = checkVersions(manifest, release, options);
            lock(connection, target);
            try {
                dropAbandonedStaging(connection);
                Optional<Path> targetBackup = protectExistingContent(connection, target, options, log);
                String staging = STAGING_PREFIX
                        + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                createExtensionsInTarget(connection, release);
                execute(connection, "CREATE SCHEMA " + Catalog.quote(staging));
                try {
                    progress(log, "Building schema version " + archived, started);
                    Set<MigrationVersion> applied = appliedVersions(manifest);
                    MigrationScripts.only(ReleaseMigrations.flyway(target, staging, archived), applied)
                            .migrate();
                    checkHistory(connection, staging, manifest, options);
                    load(connection, target, staging, reader, options.jobs(), log, started);
                    List<ReleaseMigrations.Migration> expand = release.expandBeforeContract(applied);
                    if (!expand.isEmpty()) {
                        log.println("Applying pending expand migrations "
                                + String.join(
                                        ", ",
                                        expand.stream()
                                                .map(m -> "V" + m.version())
                                                .toList())
                                + " ...");
                        Set<MigrationVersion> upTo = new HashSet<>(applied);
                        expand.forEach(m -> upTo.add(m.version()));
                        MigrationScripts.only(ReleaseMigrations.flyway(target, staging, MigrationVersion.LATEST), upTo)
                                .migrate();
                    }
                    ArchivedHistory.restore(connection, staging, reader);
                    progress(log, "Swapping the restored schema in", started);
                    SchemaSwap.swap(connection, staging);
                } catch (Exception | Error e) {
                    dropQuietly(connection, staging);
                    throw e;
                }
                return report(connection, archive, target, manifest, release, targetBackup, started);
            } finally {
                unlock(connection);
            }
        }
    }

    /** The versions the archive's history holds: with a contract pending, later expand ones may precede it. */
    static Set<MigrationVersion> appliedVersions(Manifest manifest) {
        Set<MigrationVersion> versions = new HashSet<>();
        for (Manifest.AppliedMigration migration : manifest.schema().migrations()) {
            if (migration.version() != null) {
                versions.add(MigrationVersion.fromVersion(migration.version()));
            }
        }
        return versions;
    }

    /**
     * The extensions the migrations need are made in {@code public} before the staging schema is
     * built, so the migrations find them there and the swap leaves them in place (the restoring
     * role could not move them: their functions belong to the superuser).
     */
    private static void createExtensionsInTarget(Connection connection, ReleaseMigrations release) throws SQLException {
        if (!SchemaSwap.schemaExists(connection, SchemaSwap.TARGET)) {
            return;
        }
        for (String extension : release.extensions()) {
            execute(
                    connection,
                    "CREATE EXTENSION IF NOT EXISTS " + Catalog.quote(extension) + " SCHEMA " + SchemaSwap.TARGET);
        }
    }

    private static void progress(PrintWriter log, String step, long started) {
        log.printf(java.util.Locale.ROOT, "%s (%.1f s so far) ...%n", step, (System.nanoTime() - started) / 1e9);
    }

    private static MigrationVersion checkVersions(
            Manifest manifest, ReleaseMigrations release, RestoreOptions options) {
        if (manifest.schema().version() == null) {
            throw new RestoreRefusedException(
                    "the archive has no migration history: it is not an Inventario-TI database");
        }
        MigrationVersion archived =
                MigrationVersion.fromVersion(manifest.schema().version());
        if (archived.compareTo(release.latest()) > 0 || !release.knows(archived)) {
            throw new RestoreRefusedException("the archive is at schema version " + archived + ", which release "
                    + AppVersion.get() + " does not have (its newest is " + release.latest()
                    + "): restore it with the release that made it (" + manifest.appVersion() + ")");
        }
        if (!manifest.appVersion().equals(AppVersion.get()) && !options.allowVersionMismatch()) {
            throw new RestoreRefusedException("the archive was made by release " + manifest.appVersion() + ", this is "
                    + AppVersion.get() + ": restore with that release, or pass --allow-version-mismatch"
                    + " to restore it here (pending expand migrations are then applied)");
        }
        return archived;
    }

    private static void checkHistory(Connection connection, String staging, Manifest manifest, RestoreOptions options)
            throws SQLException {
        String built = Catalog.historyChecksum(Catalog.history(connection, staging));
        if (!built.equals(manifest.schema().historyChecksum()) && !options.allowVersionMismatch()) {
            throw new RestoreRefusedException("the archive's migration history differs from this release's migrations"
                    + " up to version " + manifest.schema().version()
                    + " (a migration was changed): pass --allow-version-mismatch to restore anyway");
        }
    }

    private Optional<Path> protectExistingContent(
            Connection connection, Database target, RestoreOptions options, PrintWriter log) throws Exception {
        List<String> existing = TargetFacts.relations(connection, SchemaSwap.TARGET);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        if (!options.force()) {
            throw new RestoreRefusedException("the target " + target.describe() + " is not empty (" + existing.size()
                    + " tables and sequences, e.g. "
                    + String.join(", ", existing.subList(0, Math.min(5, existing.size())))
                    + "); nothing was changed. Use --force to replace it: its content is backed up first");
        }
        log.println("The target is not empty: backing it up first ...");
        Path backup = backups.backup(target, false, options.backupDir(), BackupProgress.NONE)
                .archive();
        log.println("Target backed up to " + backup);
        return Optional.of(backup);
    }

    private static void load(
            Connection connection,
            Database target,
            String staging,
            ArchiveReader reader,
            int jobs,
            PrintWriter log,
            long started)
            throws Exception {
        Manifest manifest = reader.manifest();
        connection.setAutoCommit(false);
        try {
            Map<String, Long> counts =
                    DataLoader.load(connection, target, staging, reader, jobs, new DataLoader.Progress() {
                        @Override
                        public void loaded(String table, long rows) {
                            log.println("  " + table + ": " + rows + " rows");
                        }

                        @Override
                        public void phase(String message) {
                            progress(log, message, started);
                        }
                    });
            for (Manifest.Table table : manifest.tables()) {
                long restored = counts.get(table.name());
                if (restored != table.rows()) {
                    throw new ArchiveException("table " + table.name() + ": the archive holds " + table.rows()
                            + " rows but " + restored + " were restored");
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

    private static RestoreReport report(
            Connection connection,
            Path archive,
            Database target,
            Manifest manifest,
            ReleaseMigrations release,
            Optional<Path> targetBackup,
            long started)
            throws SQLException {
        List<RestoreReport.TableCount> tables = new ArrayList<>();
        for (Manifest.Table table : manifest.tables()) {
            tables.add(new RestoreReport.TableCount(
                    table.name(), table.rows(), DataLoader.count(connection, SchemaSwap.TARGET, table.name())));
        }
        List<Manifest.AppliedMigration> history = Catalog.history(connection, SchemaSwap.TARGET);
        String version = history.stream()
                .map(m -> MigrationVersion.fromVersion(m.version()))
                .max(MigrationVersion::compareTo)
                .orElseThrow()
                .getVersion();
        Set<MigrationVersion> restored = history.stream()
                .map(m -> MigrationVersion.fromVersion(m.version()))
                .collect(java.util.stream.Collectors.toSet());
        List<String> pendingContract = release.notIn(restored).stream()
                .filter(ReleaseMigrations.Migration::contract)
                .map(m -> "V" + m.version() + " " + m.description())
                .toList();
        return new RestoreReport(
                archive,
                target.describe(),
                manifest.appVersion(),
                manifest.schema().version(),
                version,
                tables,
                TargetFacts.especificaciones(connection, SchemaSwap.TARGET),
                TargetFacts.usuarios(connection, SchemaSwap.TARGET),
                pendingContract,
                targetBackup,
                (System.nanoTime() - started) / 1e9);
    }

    private static void lock(Connection connection, Database target) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, LOCK_KEY);
            try (var rs = statement.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new RestoreRefusedException("another restore is running on " + target.describe());
                }
            }
        }
    }

    private static void unlock(Connection connection) {
        try (var statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, LOCK_KEY);
            statement.execute();
        } catch (SQLException e) {
            // the lock ends with the session anyway
        }
    }

    /** Staging schemas of restores that were killed (we hold the lock, so none is running). */
    private static void dropAbandonedStaging(Connection connection) throws SQLException {
        List<String> abandoned = new ArrayList<>();
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery(
                        "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'inventario\\_restore\\_%'")) {
            while (rs.next()) {
                abandoned.add(rs.getString(1));
            }
        }
        for (String schema : abandoned) {
            execute(connection, "DROP SCHEMA " + Catalog.quote(schema) + " CASCADE");
        }
    }

    private static void dropQuietly(Connection connection, String schema) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            execute(connection, "DROP SCHEMA IF EXISTS " + Catalog.quote(schema) + " CASCADE");
        } catch (SQLException e) {
            // the next restore drops it
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
