package org.inventarioti.ops.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.inventarioti.ops.ArchiveSurgery;
import org.inventarioti.ops.OpsFixtures;
import org.inventarioti.ops.archive.ArchiveException;
import org.inventarioti.ops.archive.ArchiveVerifier;
import org.inventarioti.ops.archive.BackupProgress;
import org.inventarioti.ops.archive.BackupResult;
import org.inventarioti.ops.archive.BackupService;
import org.inventarioti.support.InventarioTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The record that {@code migrate apply --contract} reads is written exactly when a test restore succeeded. */
@InventarioTest
class VerificationTest {

    @Autowired
    BackupService backups;

    @Autowired
    VerificationService verifications;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    record Row(
            String sha256,
            OffsetDateTime backupCreadoEn,
            String schemaVersion,
            boolean restoreTest,
            boolean conteosCoinciden,
            String detalle) {}

    private java.util.List<Row> recorded(Path archive) {
        return jdbc.sql("SELECT sha256, backup_creado_en, schema_version, restore_test, conteos_coinciden,"
                        + " detalle::text AS detalle FROM ops_backup_verificaciones WHERE archivo = ?")
                .param(archive.toAbsolutePath().normalize().toString())
                .query(Row.class)
                .list();
    }

    private BackupResult sampleBackup() throws Exception {
        try (var source = OpsFixtures.migrated(null);
                var connection = source.connect()) {
            OpsFixtures.sampleData(connection, 25);
            return backups.backup(OpsFixtures.database(source), false, dir, BackupProgress.NONE);
        }
    }

    private long scratchDatabases() {
        return jdbc.sql("SELECT count(*) FROM pg_database WHERE datname LIKE 'inventario_verify_%'")
                .query(Long.class)
                .single();
    }

    @Test
    void aSuccessfulTestRestoreIsRecordedAndTheScratchDatabaseDropped() throws Exception {
        BackupResult backup = sampleBackup();
        long scratchBefore = scratchDatabases();

        var verification = verifications.verifyWithRestore(
                backup.archive(), ScratchDatabase.Kind.SERVER, false, new PrintWriter(new StringWriter()));

        assertThat(verification.restore().rows()).isEqualTo(backup.manifest().totalRows());
        assertThat(scratchDatabases()).isEqualTo(scratchBefore);
        assertThat(recorded(backup.archive())).singleElement().satisfies(row -> {
            assertThat(row.sha256()).isEqualTo(ArchiveVerifier.fileSha256(backup.archive()));
            assertThat(row.backupCreadoEn().toInstant())
                    .isEqualTo(Instant.parse(backup.manifest().createdAt()));
            assertThat(row.schemaVersion()).isEqualTo(org.inventarioti.support.UltimaMigracion.version());
            assertThat(row.restoreTest()).isTrue();
            assertThat(row.conteosCoinciden()).isTrue();
            assertThat(row.detalle()).contains("\"activos\": 25").contains("\"scratch\": \"server\"");
        });
    }

    @Test
    void aTestRestoreOnAThrowawayEmbeddedServerWorksToo() throws Exception {
        BackupResult backup = sampleBackup();
        var verification = verifications.verifyWithRestore(
                backup.archive(), ScratchDatabase.Kind.EMBEDDED, false, new PrintWriter(new StringWriter()));
        assertThat(verification.scratch()).isEqualTo("embedded");
        assertThat(recorded(backup.archive()))
                .singleElement()
                .satisfies(row -> assertThat(row.detalle()).contains("\"scratch\": \"embedded\""));
    }

    @Test
    void aTamperedArchiveIsNotRecorded() throws Exception {
        BackupResult backup = sampleBackup();
        Path altered = ArchiveSurgery.rewrite(backup.archive(), dir.resolve("altered.zip"), (name, bytes) -> {
            if (name.equals("data/categorias.copy")) {
                bytes[0] ^= 0x01;
            }
            return bytes;
        });
        assertThatThrownBy(() -> verifications.verifyWithRestore(
                        altered, ScratchDatabase.Kind.AUTO, false, new PrintWriter(new StringWriter())))
                .isInstanceOf(ArchiveException.class);
        assertThat(recorded(altered)).isEmpty();
    }
}
