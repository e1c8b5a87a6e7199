package org.inventarioti.ops.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.inventarioti.ops.OpsFixtures.execute;
import static org.inventarioti.ops.OpsFixtures.scalar;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.inventarioti.config.Database;
import org.inventarioti.ops.OpsFixtures;
import org.inventarioti.ops.archive.BackupProgress;
import org.inventarioti.ops.archive.BackupResult;
import org.inventarioti.ops.archive.BackupService;
import org.inventarioti.ops.archive.Catalog;
import org.inventarioti.ops.release.MigrationScripts;
import org.inventarioti.support.CatalogDump;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

@InventarioTest
class RoundTripTest {

    @Autowired
    BackupService backups;

    @Autowired
    RestoreService restores;

    @TempDir
    Path dir;

    @Test
    void everyTableComesBackRowByRowAndSequencesContinue() throws Exception {
        try (TestDatabase.Scratch source = OpsFixtures.migrated(null);
                TestDatabase.Scratch target = TestDatabase.get().scratch();
                var from = source.connect();
                var to = target.connect()) {
            OpsFixtures.sampleData(from, 300);
            execute(
                    from,
                    "INSERT INTO ops_backup_verificaciones (archivo, sha256, backup_creado_en, schema_version,"
                            + " restore_test, conteos_coinciden) VALUES ('x', 'y', now(), '10', true, true)");
            long nextCodigo = scalar(from, "SELECT last_value + 1 FROM activos_codigo_seq");

            BackupResult backup = backups.backup(OpsFixtures.database(source), false, dir, BackupProgress.NONE);
            assertThat(backup.manifest().tables())
                    .extracting(t -> t.name())
                    .contains("usuarios", "categorias", "activos", "mantenimientos", "auditoria")
                    .doesNotContain("flyway_schema_history", "ops_backup_verificaciones", "ops_modo_mantenimiento");

            StringWriter log = new StringWriter();
            RestoreReport report = restores.restore(
                    backup.archive(),
                    OpsFixtures.database(target),
                    new RestoreOptions(false, false, dir),
                    new PrintWriter(log));

            assertThat(report.countsMatch()).as(log.toString()).isTrue();
            assertThat(report.rows())
                    .isEqualTo(backup.manifest().totalRows())
                    .isGreaterThanOrEqualTo(300 + 900 + 600 + 30 + 10);
            assertThat(OpsFixtures.contentHashes(to)).isEqualTo(OpsFixtures.contentHashes(from));
            assertThat(Catalog.historyChecksum(Catalog.history(to, "public")))
                    .isEqualTo(Catalog.historyChecksum(Catalog.history(from, "public")));
            assertThat(scalar(to, "SELECT count(*) FROM ops_backup_verificaciones"))
                    .isZero();
            assertThat(scalar(to, "SELECT nextval('activos_codigo_seq')")).isEqualTo(nextCodigo);
            assertThat(scalar(to, "INSERT INTO categorias (nombre) VALUES ('after restore') RETURNING id"))
                    .isGreaterThan(scalar(from, "SELECT max(id) FROM categorias"));
            assertThat(scalar(to, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'inventario_restore%'"))
                    .isZero();
            assertThat(report.usuarios())
                    .get()
                    .satisfies(u -> assertThat(u.enabledAdmins()).isPositive());
            assertThat(report.especificaciones())
                    .get()
                    .satisfies(e -> assertThat(e.converted()).isEqualTo(300));
        }
    }

    /**
     * The seed's host: the later expand migrations ran before the contract V3, which ran last, in
     * its window. Rebuilding the schema in version order would re-rank and re-date that history;
     * the restore puts the archive's rows back as they were.
     */
    @Test
    void aHistoryAppliedOutOfOrderComesBackRowForRow() throws Exception {
        try (TestDatabase.Scratch source = TestDatabase.get().scratch();
                TestDatabase.Scratch target = TestDatabase.get().scratch();
                var from = source.connect();
                var to = target.connect()) {
            Database database = OpsFixtures.database(source);
            Flyway flyway = Flyway.configure()
                    .dataSource(database.url(), database.user(), database.password())
                    .locations("classpath:db/migration")
                    .outOfOrder(true)
                    .load();
            MigrationScripts.withoutContracts(flyway).migrate();
            execute(from, "UPDATE flyway_schema_history SET installed_on = installed_on - interval '400 days'");
            flyway.migrate(); // V3, out of order, as the window runs it
            String sourceHistory = history(from);
            assertThat(sourceHistory.lines().reduce((first, last) -> last).orElseThrow())
                    .as("V3 was applied last")
                    .contains("| 3 | contract especificaciones");

            BackupResult backup = backups.backup(database, false, dir, BackupProgress.NONE);
            restores.restore(
                    backup.archive(),
                    OpsFixtures.database(target),
                    new RestoreOptions(false, false, dir),
                    new PrintWriter(new StringWriter()));

            assertThat(history(to)).isEqualTo(sourceHistory);
            assertThat(CatalogDump.of(to)).isEqualTo(CatalogDump.of(from));
        }
    }

    private static String history(java.sql.Connection connection) throws java.sql.SQLException {
        StringBuilder rows = new StringBuilder();
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT concat_ws(' | ', installed_rank, version, description, type,"
                        + " script, checksum, installed_by, installed_on, execution_time, success)"
                        + " FROM flyway_schema_history ORDER BY installed_rank")) {
            while (rs.next()) {
                rows.append(rs.getString(1)).append('\n');
            }
        }
        return rows.toString();
    }
}
