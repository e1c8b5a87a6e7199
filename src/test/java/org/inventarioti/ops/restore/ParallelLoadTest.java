package org.inventarioti.ops.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.zip.ZipFile;
import org.inventarioti.ops.ArchiveSurgery;
import org.inventarioti.ops.OpsFixtures;
import org.inventarioti.ops.archive.ArchiveVerifier;
import org.inventarioti.ops.archive.BackupProgress;
import org.inventarioti.ops.archive.BackupResult;
import org.inventarioti.ops.archive.BackupService;
import org.inventarioti.ops.archive.Manifest;
import org.inventarioti.support.InventarioTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tables load on several connections, each committing into the staging schema: a failure in one of
 * them, or after all of them, must still leave the target exactly as it was.
 */
@InventarioTest
class ParallelLoadTest {

    @Autowired
    BackupService backups;

    @Autowired
    RestoreService restores;

    @TempDir
    Path dir;

    @Test
    void aFailureWhileOrAfterTablesLoadInParallelLeavesTheTargetAsItWas() throws Exception {
        try (var source = OpsFixtures.migrated(null);
                var target = OpsFixtures.migrated(null);
                var from = source.connect();
                var to = target.connect()) {
            OpsFixtures.sampleData(from, 300);
            OpsFixtures.sampleData(to, 20);
            BackupResult backup = backups.backup(OpsFixtures.database(source), false, dir, BackupProgress.NONE);
            Map<String, String> before = OpsFixtures.contentHashes(to);

            // Sound checksums, but one row the server rejects while the other tables load.
            Path badValue = editLastRow(backup, "auditoria", "id", "not-a-number", "bad-value.zip");
            StringWriter log = new StringWriter();
            assertThatThrownBy(() -> restore(badValue, target, log))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("not-a-number");
            assertUnchanged(to, before);

            // Every table loads and commits in staging; the foreign key rebuilt afterwards fails.
            Path dangling = editLastRow(backup, "mantenimientos", "activo_id", "999999", "dangling.zip");
            StringWriter secondLog = new StringWriter();
            assertThatThrownBy(() -> restore(dangling, target, secondLog))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("foreign key");
            assertThat(secondLog.toString())
                    .contains("  mantenimientos: 900 rows", "  activos: 300 rows", "  auditoria: 600 rows");
            assertUnchanged(to, before);

            RestoreReport report = restore(backup.archive(), target, new StringWriter());
            assertThat(report.countsMatch()).isTrue();
            assertThat(OpsFixtures.contentHashes(to)).isEqualTo(OpsFixtures.contentHashes(from));
        }
    }

    private RestoreReport restore(Path archive, org.inventarioti.support.TestDatabase.Scratch target, StringWriter log)
            throws Exception {
        return restores.restore(
                archive,
                OpsFixtures.database(target),
                new RestoreOptions(true, false, dir.resolve("pre"), 3),
                new PrintWriter(log, true));
    }

    private static void assertUnchanged(java.sql.Connection to, Map<String, String> before) throws SQLException {
        assertThat(OpsFixtures.contentHashes(to)).as("target unchanged").isEqualTo(before);
        assertThat(OpsFixtures.scalar(to, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'inventario_restore%'"))
                .as("no staging schema left")
                .isZero();
    }

    /** A copy of the archive whose table's last row has {@code column} set to {@code value}, checksums redone. */
    private Path editLastRow(BackupResult backup, String table, String column, String value, String name)
            throws Exception {
        Manifest.Table entry = backup.manifest().tables().stream()
                .filter(t -> t.name().equals(table))
                .findFirst()
                .orElseThrow();
        byte[] original;
        try (ZipFile zip = new ZipFile(backup.archive().toFile());
                InputStream in = zip.getInputStream(zip.getEntry(entry.member()))) {
            original = in.readAllBytes();
        }
        String text = new String(original, StandardCharsets.UTF_8);
        int lastRow = text.lastIndexOf('\n', text.length() - 2) + 1;
        String[] fields = text.substring(lastRow, text.length() - 1).split("\t", -1);
        fields[entry.columns().indexOf(column)] = value;
        byte[] changed = (text.substring(0, lastRow) + String.join("\t", Arrays.asList(fields)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        Path rewritten = ArchiveSurgery.rewrite(
                backup.archive(),
                dir.resolve("member-" + name),
                (member, bytes) -> member.equals(entry.member()) ? changed : bytes);
        Path edited = ArchiveSurgery.editManifest(
                rewritten,
                dir.resolve(name),
                json -> json.replace(
                        "\"bytes\" : " + original.length + ",\n" + indentOf(json, ArchiveSurgery.sha256(original))
                                + "\"sha256\" : \"" + ArchiveSurgery.sha256(original) + "\"",
                        "\"bytes\" : " + changed.length + ",\n" + indentOf(json, ArchiveSurgery.sha256(original))
                                + "\"sha256\" : \"" + ArchiveSurgery.sha256(changed) + "\""),
                true);
        assertThat(ArchiveVerifier.verify(edited).tables())
                .as("the edit keeps the archive sound")
                .isNotEmpty();
        return edited;
    }

    private static String indentOf(String json, String sha) {
        Matcher m = java.util.regex.Pattern.compile("\n([ \\t]*)\"sha256\" : \"" + sha + "\"")
                .matcher(json);
        return m.find() ? m.group(1) : "";
    }
}
