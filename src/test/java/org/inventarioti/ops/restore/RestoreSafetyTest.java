package org.inventarioti.ops.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.inventarioti.ops.OpsFixtures.execute;
import static org.inventarioti.ops.OpsFixtures.scalar;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.inventarioti.ops.ArchiveSurgery;
import org.inventarioti.ops.OpsFixtures;
import org.inventarioti.ops.archive.ArchiveVerifier;
import org.inventarioti.ops.archive.BackupProgress;
import org.inventarioti.ops.archive.BackupService;
import org.inventarioti.ops.release.AppVersion;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** Target safety, --force, version checks (guarantee 3) and an archive taken before the contract migration. */
@InventarioTest
class RestoreSafetyTest {

    @Autowired
    BackupService backups;

    @Autowired
    RestoreService restores;

    @TempDir
    Path dir;

    private final StringWriter log = new StringWriter();

    private RestoreReport restore(Path archive, TestDatabase.Scratch target, boolean force, boolean allowMismatch)
            throws Exception {
        return restores.restore(
                archive,
                OpsFixtures.database(target),
                new RestoreOptions(force, allowMismatch, dir.resolve("pre")),
                new PrintWriter(log));
    }

    private Path backupOf(TestDatabase.Scratch source) throws Exception {
        return backups.backup(OpsFixtures.database(source), false, dir, BackupProgress.NONE)
                .archive();
    }

    @Test
    void aNonEmptyTargetIsRefusedWithNothingChangedAndForceBacksItUpFirst() throws Exception {
        try (var source = OpsFixtures.migrated(null);
                var target = OpsFixtures.migrated(null);
                var from = source.connect();
                var to = target.connect()) {
            OpsFixtures.sampleData(from, 20);
            execute(to, "INSERT INTO categorias (nombre) VALUES ('only in the target')");
            execute(
                    to,
                    "INSERT INTO ops_modo_mantenimiento (titular, expira_en, mensaje)"
                            + " VALUES ('maintenance-run', now() + interval '5 minutes', 'ventana')");
            Path archive = backupOf(source);
            Map<String, String> before = OpsFixtures.contentHashes(to);
            long targetCategorias = scalar(to, "SELECT count(*) FROM categorias");

            assertThatThrownBy(() -> restore(archive, target, false, false))
                    .isInstanceOf(RestoreRefusedException.class)
                    .hasMessageContaining("is not empty")
                    .hasMessageContaining("--force");
            assertThat(OpsFixtures.contentHashes(to)).isEqualTo(before);
            assertThat(dir.resolve("pre")).doesNotExist();

            RestoreReport report = restore(archive, target, true, false);

            assertThat(report.countsMatch()).isTrue();
            assertThat(OpsFixtures.contentHashes(to)).isEqualTo(OpsFixtures.contentHashes(from));
            assertThat(report.targetBackup()).get().satisfies(pre -> {
                var manifest = ArchiveVerifier.verify(pre);
                assertThat(manifest.tables()).anySatisfy(t -> {
                    assertThat(t.name()).isEqualTo("categorias");
                    assertThat(t.rows()).isEqualTo(targetCategorias);
                });
            });
            assertThat(scalar(to, "SELECT count(*) FROM ops_modo_mantenimiento WHERE titular = 'maintenance-run'"))
                    .as("the installation's maintenance flag survives the restore")
                    .isEqualTo(1);
        }
    }

    @Test
    void anArchiveFromAnotherReleaseOrANewerSchemaIsRefused() throws Exception {
        try (var source = OpsFixtures.migrated(null);
                var target = TestDatabase.get().scratch();
                var from = source.connect();
                var to = target.connect()) {
            OpsFixtures.sampleData(from, 5);
            Path archive = backupOf(source);
            String version = "\"app_version\" : \"" + AppVersion.get() + "\"";
            String schema = OpsFixtures.schemaVersion(from);

            Path newer = ArchiveSurgery.editManifest(
                    archive,
                    dir.resolve("newer.zip"),
                    json -> json.replace("\"version\" : \"" + schema + "\"", "\"version\" : \"999\""),
                    true);
            assertThatThrownBy(() -> restore(newer, target, false, true))
                    .isInstanceOf(RestoreRefusedException.class)
                    .hasMessageContaining("schema version 999");

            Path older = ArchiveSurgery.editManifest(
                    archive,
                    dir.resolve("older.zip"),
                    json -> json.replace(version, "\"app_version\" : \"0.0.9\""),
                    true);
            assertThatThrownBy(() -> restore(older, target, false, false))
                    .isInstanceOf(RestoreRefusedException.class)
                    .hasMessageContaining("made by release 0.0.9")
                    .hasMessageContaining("--allow-version-mismatch");

            Path changedHistory = ArchiveSurgery.editManifest(
                    archive,
                    dir.resolve("history.zip"),
                    json -> json.replaceFirst("\"history_checksum\" : \"[0-9a-f]+\"", "\"history_checksum\" : \"00\""),
                    true);
            assertThatThrownBy(() -> restore(changedHistory, target, false, false))
                    .isInstanceOf(RestoreRefusedException.class)
                    .hasMessageContaining("migration history differs");
            assertThat(scalar(
                            to,
                            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                                    + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')"))
                    .as("refusals leave the target empty")
                    .isZero();

            RestoreReport allowed = restore(older, target, false, true);
            assertThat(allowed.countsMatch()).isTrue();
            assertThat(allowed.archiveAppVersion()).isEqualTo("0.0.9");
        }
    }

    @Test
    void anArchiveTakenBeforeTheContractMigrationRestoresAtThatVersion() throws Exception {
        try (var source = OpsFixtures.migrated("2");
                var target = TestDatabase.get().scratch();
                var from = source.connect();
                var to = target.connect()) {
            execute(from, "INSERT INTO categorias (nombre) VALUES ('Laptop')");
            execute(from, """
                    INSERT INTO activos (codigo, categoria_id, nombre, numero_serie, especificaciones)
                    SELECT 'TI-' || g, (SELECT id FROM categorias), 'Legacy ' || g, 'LEG-' || g,
                           CASE WHEN g % 3 = 0 THEN 'not json {' WHEN g % 3 = 1 THEN '{"ram": ' || g || '}' END
                    FROM generate_series(1, 30) g
                    """);
            Path archive = backupOf(source);
            long quarantined = scalar(from, "SELECT count(*) FROM especificaciones_cuarentena");
            assertThat(quarantined).isEqualTo(10);

            RestoreReport report = restore(archive, target, false, false);

            // The expand migration V2.1 (ops tables) comes before the V3 contract, so restore applies it.
            assertThat(report.schemaVersion()).isEqualTo("2.1");
            assertThat(report.pendingContract()).singleElement().asString().startsWith("V3");
            assertThat(report.especificaciones()).get().satisfies(e -> {
                assertThat(e.converted()).isEqualTo(10);
                assertThat(e.quarantined()).isEqualTo(10);
            });
            assertThat(OpsFixtures.contentHashes(to)).isEqualTo(OpsFixtures.contentHashes(from));
            execute(to, "UPDATE activos SET especificaciones = '{\"ram\": 64}' WHERE codigo = 'TI-3'");
            assertThat(scalar(to, "SELECT (especificaciones_json->>'ram')::int FROM activos WHERE codigo = 'TI-3'"))
                    .as("the V2 sync triggers work again after the load")
                    .isEqualTo(64);
        }
    }

    @Test
    void aRestoreIntoTheRestoredDatabaseOfItselfIsIdempotentWithForce() throws Exception {
        try (var source = OpsFixtures.migrated(null);
                var from = source.connect()) {
            OpsFixtures.sampleData(from, 10);
            Map<String, String> before = OpsFixtures.contentHashes(from);
            Path archive = backupOf(source);
            restore(archive, source, true, false);
            assertThat(OpsFixtures.contentHashes(from)).isEqualTo(before);
            assertThat(Files.list(dir.resolve("pre")).count()).isEqualTo(1);
        }
    }
}
