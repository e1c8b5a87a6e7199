package org.inventarioti.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.inventarioti.InventarioApplication;
import org.inventarioti.InventarioCli;
import org.inventarioti.cli.CliContext;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The commands as an operator types them, against a scratch database configured as the app's. */
@InventarioTest
class OpsCommandsTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err, boolean springStarted) {}

    private static Run run(TestDatabase.Scratch database, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        TestDatabase db = TestDatabase.get();
        try (CliContext context = new CliContext(
                () -> new SpringApplicationBuilder(InventarioApplication.class),
                "--spring.datasource.url=" + (database == null ? db.jdbcUrl() : database.jdbcUrl()),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--inventario.data-dir=target/test-data")) {
            var commandLine = InventarioCli.commandLine(context);
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            int exit = commandLine.execute(args);
            return new Run(exit, out.toString(), err.toString(), context.started());
        }
    }

    private static long archives(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("inventario-backup-.*\\.zip"))
                    .count();
        }
    }

    @Test
    void backupVerifyRestoreThroughTheCommandLine() throws Exception {
        try (var source = OpsFixtures.migrated(null);
                var target = TestDatabase.get().scratch();
                var from = source.connect();
                var to = target.connect()) {
            OpsFixtures.sampleData(from, 40);
            long rows = OpsFixtures.archivedRows(from);
            int tables = org.inventarioti.ops.archive.Catalog.archivedTables(from, "public")
                    .size();
            String version = OpsFixtures.schemaVersion(from);

            Run backup = run(source, "backup", "--output", dir.toString(), "--verify", "--scratch", "server");
            assertThat(backup.exit()).as(backup.err()).isZero();
            assertThat(backup.out())
                    .containsPattern(
                            "Backup .*inventario-backup-.*\\.zip: .*, " + rows + " rows in " + tables + " tables, .* s")
                    .contains("activos: 40 rows")
                    .contains("Verified: test restore matched " + rows + " rows; recorded.");
            assertThat(OpsFixtures.scalar(from, "SELECT count(*) FROM ops_backup_verificaciones WHERE restore_test"))
                    .isEqualTo(1);
            Path archive;
            try (var files = Files.list(dir)) {
                archive = files.filter(p -> p.toString().endsWith(".zip"))
                        .findFirst()
                        .orElseThrow();
            }

            Run verify = run(null, "verify", archive.toString());
            assertThat(verify.exit()).isZero();
            assertThat(verify.out()).contains("OK: ").contains(rows + " rows").contains("schema version " + version);

            Run restore = run(
                    null,
                    "restore",
                    archive.toString(),
                    "--target",
                    target.jdbcUrl(),
                    "--target-user",
                    TestDatabase.get().user());
            assertThat(restore.exit()).as(restore.err()).isZero();
            assertThat(restore.out()).contains("result: OK").contains("activos").contains("usuarios: 30");
            assertThat(OpsFixtures.contentHashes(to)).isEqualTo(OpsFixtures.contentHashes(from));

            Run again = run(
                    null,
                    "restore",
                    archive.toString(),
                    "--target",
                    target.jdbcUrl(),
                    "--target-user",
                    TestDatabase.get().user());
            assertThat(again.exit()).isEqualTo(1);
            assertThat(again.err())
                    .contains("restore refused")
                    .contains("not empty")
                    .contains("--force");
        }
    }

    @Test
    void verifyNamesWhatIsWrongAndExitsNonZero() throws Exception {
        try (var source = OpsFixtures.migrated(null)) {
            assertThat(run(source, "backup", "--output", dir.toString()).exit()).isZero();
            Path archive;
            try (var files = Files.list(dir)) {
                archive = files.filter(p -> p.toString().endsWith(".zip"))
                        .findFirst()
                        .orElseThrow();
            }
            Path altered = ArchiveSurgery.rewrite(
                    archive,
                    dir.resolve("altered.zip"),
                    (name, bytes) -> name.equals("data/categorias.copy") ? null : bytes);
            Run verify = run(null, "verify", altered.toString());
            assertThat(verify.exit()).isEqualTo(1);
            assertThat(verify.err()).contains("FAILED").contains("data/categorias.copy is missing");
            Run missing = run(null, "verify", dir.resolve("nothing.zip").toString());
            assertThat(missing.exit()).isEqualTo(1);
            assertThat(missing.err()).contains("does not exist");
        }
    }

    @Test
    void keepPrunesOlderArchivesOnlyAfterASuccessfulBackup() throws Exception {
        try (var source = OpsFixtures.migrated(null)) {
            for (int i = 0; i < 3; i++) {
                Run backup = run(source, "backup", "--output", dir.toString(), "--keep", "2");
                assertThat(backup.exit()).as(backup.err()).isZero();
                assertThat(backup.springStarted())
                        .as("an external database needs no context")
                        .isFalse();
            }
            assertThat(archives(dir)).isEqualTo(2);
            assertThat(run(source, "backup", "--output", dir.toString(), "--keep", "0")
                            .exit())
                    .isEqualTo(2);
            assertThat(archives(dir)).isEqualTo(2);
        }
    }

    @Test
    void restoreIntoTheConfiguredNonEmptyDatabaseIsRefused() {
        Run restore = run(null, "restore", "target/does-not-matter.zip");
        assertThat(restore.exit()).isEqualTo(1);
        assertThat(restore.err()).contains("restore refused");
    }

    @Test
    void smokeReportsJsonAndFailsOnAnUnreachableServer() {
        Run smoke = run(null, "smoke", "--url", "http://127.0.0.1:9", "--json", "--timeout", "1");
        assertThat(smoke.exit()).isEqualTo(1);
        assertThat(smoke.out()).contains("\"ok\" : false").contains("\"healthz\"");
    }
}
