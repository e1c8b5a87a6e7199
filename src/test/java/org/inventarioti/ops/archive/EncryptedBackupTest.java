package org.inventarioti.ops.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Random;
import org.inventarioti.ops.OpsFixtures;
import org.inventarioti.ops.restore.RestoreOptions;
import org.inventarioti.ops.restore.RestoreReport;
import org.inventarioti.ops.restore.RestoreService;
import org.inventarioti.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encryption at rest end to end: an encrypted backup is restored and verified transparently. */
class EncryptedBackupTest {

    private static byte[] key(long seed) {
        byte[] b = new byte[32];
        new Random(seed).nextBytes(b);
        return b;
    }

    @TempDir
    Path dir;

    @Test
    void anEncryptedBackupRestoresWithItsKeyAndIsRefusedWithoutIt() throws Exception {
        byte[] old = key(11);
        byte[] current = key(12);
        try (TestDatabase.Scratch source = OpsFixtures.migrated(null);
                TestDatabase.Scratch target = TestDatabase.get().scratch();
                var from = source.connect();
                var to = target.connect()) {
            OpsFixtures.sampleData(from, 50);
            BackupResult backup = BackupService.standalone(BackupKeys.of(old))
                    .backup(OpsFixtures.database(source), false, dir, BackupProgress.NONE);

            Path archive = backup.archive();
            assertThat(archive.getFileName().toString()).endsWith(".zip.enc");
            assertThat(BackupService.isArchiveName(archive)).isTrue();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archive)))
                    .isEqualTo("rw-------");
            byte[] bytes = Files.readAllBytes(archive);
            assertThat(ArchiveCipher.isEncrypted(archive)).isTrue();
            assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                    .doesNotContain("manifest.json", "PK\u0003\u0004");

            // after a rotation: the new key current, the old one listed
            BackupKeys rotated = BackupKeys.of(current, old);
            assertThat(ArchiveVerifier.verify(archive, rotated).totalRows())
                    .isEqualTo(backup.manifest().totalRows());
            StringWriter log = new StringWriter();
            RestoreReport report = RestoreService.standalone(rotated)
                    .restore(
                            archive,
                            OpsFixtures.database(target),
                            new RestoreOptions(false, false, dir),
                            new PrintWriter(log));
            assertThat(report.countsMatch()).as(log.toString()).isTrue();
            assertThat(OpsFixtures.contentHashes(to)).isEqualTo(OpsFixtures.contentHashes(from));
            try (var leftovers = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                assertThat(leftovers.map(p -> p.getFileName().toString()))
                        .noneMatch(n -> n.startsWith("inventario-decrypted-"));
            }

            assertThatThrownBy(() -> ArchiveVerifier.verify(archive, BackupKeys.of(current)))
                    .isInstanceOf(ArchiveException.class)
                    .hasMessageContaining("is encrypted with key "
                            + BackupKeys.of(old).current().orElseThrow().id());
            byte[] tampered = bytes.clone();
            tampered[bytes.length / 2] ^= 0x04;
            Path altered = Files.write(dir.resolve("altered.zip.enc"), tampered);
            assertThatThrownBy(() -> ArchiveVerifier.verify(altered, rotated))
                    .isInstanceOf(ArchiveException.class)
                    .hasMessageContaining("altered");
            Path truncated = Files.write(dir.resolve("truncated.zip.enc"), Arrays.copyOf(bytes, bytes.length - 100));
            assertThatThrownBy(() -> ArchiveVerifier.verify(truncated, rotated))
                    .isInstanceOf(ArchiveException.class)
                    .hasMessageContaining("truncated");
        }
    }

    @Test
    void withoutAKeyBackupsStayPlainAndAMisconfiguredKeyWritesNothing() throws Exception {
        try (TestDatabase.Scratch source = OpsFixtures.migrated(null)) {
            BackupResult plain = BackupService.standalone(BackupKeys.none())
                    .backup(OpsFixtures.database(source), false, dir, BackupProgress.NONE);
            assertThat(plain.archive().getFileName().toString()).endsWith(".zip");
            assertThat(ArchiveCipher.isEncrypted(plain.archive())).isFalse();

            BackupKeys required = BackupKeys.fromEnvironment(java.util.Map.of(BackupKeys.ENCRYPT, "true"));
            Path other = dir.resolve("other");
            assertThatThrownBy(() -> BackupService.standalone(required)
                            .backup(OpsFixtures.database(source), false, other, BackupProgress.NONE))
                    .isInstanceOf(ArchiveException.class)
                    .hasMessageContaining("INVENTARIO_BACKUP_KEY is not set");
            assertThat(other).doesNotExist();
        }
    }
}
