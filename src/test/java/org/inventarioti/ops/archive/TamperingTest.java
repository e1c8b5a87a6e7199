package org.inventarioti.ops.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.inventarioti.ops.ArchiveSurgery;
import org.inventarioti.ops.OpsFixtures;
import org.inventarioti.ops.restore.RestoreOptions;
import org.inventarioti.ops.restore.RestoreService;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** Guarantee 10: a partial, altered or crashed archive is never accepted. */
@InventarioTest
class TamperingTest {

    private static Path good;
    private static long rowsInSource;
    private static String sourceVersion;

    @Autowired
    BackupService backups;

    @Autowired
    RestoreService restores;

    @TempDir
    Path dir;

    @BeforeEach
    void backupOnce(@TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.NEVER) Path shared) throws Exception {
        if (good == null) {
            try (TestDatabase.Scratch source = OpsFixtures.migrated(null);
                    var connection = source.connect()) {
                OpsFixtures.sampleData(connection, 200);
                rowsInSource = OpsFixtures.archivedRows(connection);
                sourceVersion = OpsFixtures.schemaVersion(connection);
                good = backups.backup(OpsFixtures.database(source), false, shared, BackupProgress.NONE)
                        .archive();
            }
        }
    }

    private static String refusal(Path archive) {
        try {
            ArchiveVerifier.verify(archive);
        } catch (ArchiveException e) {
            return e.getMessage();
        }
        throw new AssertionError(archive + " was accepted");
    }

    @Test
    void theUntouchedArchiveIsSound() {
        Manifest manifest = ArchiveVerifier.verify(good);
        assertThat(manifest.totalRows()).isEqualTo(rowsInSource).isGreaterThanOrEqualTo(200 + 600 + 400 + 30 + 10);
        assertThat(manifest.schema().version()).isEqualTo(sourceVersion);
    }

    @Test
    void aFlippedByteAnywhereInTheDataIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(good);
        for (int position : new int[] {bytes.length / 4, bytes.length / 2, bytes.length * 2 / 3}) {
            byte[] copy = bytes.clone();
            copy[position] ^= 0x01;
            Path flipped = Files.write(dir.resolve("flipped-" + position + ".zip"), copy);
            try {
                ArchiveVerifier.verify(flipped);
            } catch (ArchiveException refused) {
                continue; // refused, as it must be when the flip altered what the archive holds
            }
            // Accepted: then the flip hit a byte of zip bookkeeping no reader uses (a local header's
            // time, say: the archive's layout depends on its data) and every member is unchanged.
            assertThat(members(flipped))
                    .as("byte %d was accepted: nothing it holds may differ", position)
                    .isEqualTo(members(good));
        }
    }

    /** Every member's name and bytes, as a reader of the archive gets them. */
    private static java.util.Map<String, String> members(Path archive) throws Exception {
        java.util.Map<String, String> members = new java.util.TreeMap<>();
        try (var zip = new java.util.zip.ZipFile(archive.toFile())) {
            for (var entry : java.util.Collections.list(zip.entries())) {
                try (var in = zip.getInputStream(entry)) {
                    members.put(
                            entry.getName(),
                            java.util.HexFormat.of()
                                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                            .digest(in.readAllBytes())));
                }
            }
        }
        return members;
    }

    @Test
    void aFlippedByteInsideAMemberIsNamed() throws Exception {
        Path altered = ArchiveSurgery.rewrite(good, dir.resolve("altered.zip"), (name, bytes) -> {
            if (name.equals("data/activos.copy")) {
                bytes[bytes.length / 2] ^= 0x20;
            }
            return bytes;
        });
        assertThat(refusal(altered)).contains("data/activos.copy").contains("altered");
    }

    @Test
    void aTruncatedMemberIsRefused() throws Exception {
        Path truncated = ArchiveSurgery.rewrite(
                good,
                dir.resolve("truncated-member.zip"),
                (name, bytes) ->
                        name.equals("data/mantenimientos.copy") ? Arrays.copyOf(bytes, bytes.length / 2) : bytes);
        assertThat(refusal(truncated)).contains("data/mantenimientos.copy").contains("truncated");
    }

    @Test
    void aTruncatedFileIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(bytes, bytes.length - 40));
        assertThat(refusal(cut)).contains("not a complete archive");
        Path half = Files.write(dir.resolve("half.zip"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(refusal(half)).contains("not a complete archive");
    }

    @Test
    void aRemovedMemberIsRefused() throws Exception {
        Path removed = ArchiveSurgery.rewrite(
                good, dir.resolve("removed.zip"), (name, bytes) -> name.equals("data/usuarios.copy") ? null : bytes);
        assertThat(refusal(removed)).contains("data/usuarios.copy").contains("missing");
        Path noManifest = ArchiveSurgery.rewrite(
                good, dir.resolve("no-manifest.zip"), (name, bytes) -> name.startsWith("manifest") ? null : bytes);
        assertThat(refusal(noManifest)).contains("manifest missing");
    }

    @Test
    void anAddedMemberIsRefused() throws Exception {
        Path added = ArchiveSurgery.rewrite(good, dir.resolve("added.zip"), new ArchiveSurgery.MemberChange() {
            @Override
            public byte[] apply(String name, byte[] bytes) {
                return bytes;
            }

            @Override
            public void extra(java.util.zip.ZipOutputStream out) throws java.io.IOException {
                out.putNextEntry(new java.util.zip.ZipEntry("data/intruso.copy"));
                out.write("1\tx\n".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        });
        assertThat(refusal(added)).contains("unexpected member data/intruso.copy");
    }

    @Test
    void aManifestEditIsRefusedEvenWhenResealed() throws Exception {
        Path edited = ArchiveSurgery.editManifest(
                good, dir.resolve("edited.zip"), json -> json.replace("\"rows\" : 200", "\"rows\" : 199"), false);
        assertThat(refusal(edited)).contains("manifest.json was altered");

        Path resealed = ArchiveSurgery.editManifest(
                good, dir.resolve("resealed.zip"), json -> json.replace("\"rows\" : 200", "\"rows\" : 199"), true);
        assertThat(refusal(resealed)).contains("rows");

        Path resealedHash = ArchiveSurgery.editManifest(
                good,
                dir.resolve("resealed-hash.zip"),
                json -> json.replaceFirst("\"sha256\" : \"[0-9a-f]{4}", "\"sha256\" : \"0000"),
                true);
        assertThat(refusal(resealedHash)).isNotBlank();
    }

    @Test
    void thePartialFileOfARunningOrCrashedBackupIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(good);
        Path partial = Files.write(
                dir.resolve(".inventario-backup-x.zip.12345.partial"), Arrays.copyOf(bytes, bytes.length / 3));
        assertThat(refusal(partial)).contains("partial");
    }

    @Test
    void aTamperedArchiveIsNotRestoredAndTheTargetStaysEmpty() throws Exception {
        Path altered = ArchiveSurgery.rewrite(good, dir.resolve("altered-restore.zip"), (name, bytes) -> {
            if (name.equals("data/auditoria.copy")) {
                bytes[bytes.length - 5] ^= 0x01;
            }
            return bytes;
        });
        try (TestDatabase.Scratch target = TestDatabase.get().scratch();
                var connection = target.connect()) {
            assertThatThrownBy(() -> restores.restore(
                            altered,
                            OpsFixtures.database(target),
                            new RestoreOptions(false, false, dir),
                            new PrintWriter(new StringWriter())))
                    .isInstanceOf(ArchiveException.class)
                    .hasMessageContaining("data/auditoria.copy");
            assertThat(OpsFixtures.scalar(
                            connection,
                            "SELECT count(*) FROM pg_class c JOIN pg_namespace n"
                                    + " ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema',"
                                    + " 'pg_toast')"))
                    .isZero();
            assertThat(OpsFixtures.scalar(
                            connection, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'inventario_restore%'"))
                    .isZero();
        }
    }
}
