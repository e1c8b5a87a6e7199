package org.inventarioti.importacion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.inventarioti.InventarioApplication;
import org.inventarioti.InventarioCli;
import org.inventarioti.cli.CliContext;
import org.inventarioti.importacion.LegadoQuirks.Estado;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import tools.jackson.databind.json.JsonMapper;

/** inventario import legacy as an operator types it. */
@InventarioTest
class ImportLegacyCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err, boolean springStarted) {
        String all() {
            return out + err;
        }
    }

    @BeforeAll
    static void mariadb() {
        LegacyMariaDb.requireServer();
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        TestDatabase db = TestDatabase.get();
        try (CliContext context = new CliContext(
                () -> new SpringApplicationBuilder(InventarioApplication.class),
                "--spring.datasource.url=" + db.jdbcUrl(),
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

    private static String[] target(TestDatabase.Scratch scratch, String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--target";
        all[args.length + 1] = scratch.jdbcUrl();
        all[args.length + 2] = "--target-user";
        all[args.length + 3] = TestDatabase.get().user();
        return all;
    }

    @Test
    void previewImportAndRefusalFromTheCommandLineWithNoSecretPrinted() throws Exception {
        try (LegacyMariaDb legacy = LegacyMariaDb.create();
                TestDatabase.Scratch scratch = TestDatabase.get().scratch()) {
            LegadoQuirks.construir(legacy, Estado.PRE);
            Path dump = legacy.dump(dir);
            Path report = dir.resolve("preview.json");

            Run preview = run(target(
                    scratch,
                    "import",
                    "legacy",
                    "--from-dump",
                    dump.toString(),
                    "--dry-run",
                    "--admin",
                    LegadoQuirks.ADMIN,
                    "--report",
                    report.toString(),
                    "--timezone",
                    "UTC"));
            assertThat(preview.exit()).as(preview.all()).isZero();
            assertThat(preview.out())
                    .contains("Import preview (dry run: nothing was written)")
                    .contains("intruso@legacy.local: administrador -> TECNICO")
                    .contains("En Mantenimiento -> En mantenimiento")
                    .contains("sn-0001 -> collides with TI-000001")
                    .contains("result: OK, 0 unaccounted rows");
            assertThat(preview.springStarted()).isFalse();
            assertThat(JsonMapper.builder()
                            .build()
                            .readTree(Files.readString(report))
                            .get("cuadra")
                            .asBoolean())
                    .isTrue();
            try (Connection c = scratch.connect()) {
                assertThat(Destinos.estado(c, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
                        .isEqualTo("0");
            }

            Run real = run(
                    target(scratch, "import", "legacy", "--from-dump", dump.toString(), "--admin", LegadoQuirks.ADMIN));
            assertThat(real.exit()).as(real.all()).isZero();
            assertThat(real.out()).contains("Import report, run").contains("result: OK, 0 unaccounted rows");
            try (Connection c = scratch.connect()) {
                assertThat(Destinos.estado(c, "SELECT count(*) FROM activos")).isEqualTo("13");
            }

            Run again = run(target(scratch, "import", "legacy", "--from", legacy.url() + "?user=root", "--json"));
            assertThat(again.exit()).isEqualTo(1);
            assertThat(again.err()).contains("import refused: the target").contains("activos: 13 rows");

            for (Run r : new Run[] {preview, real, again}) {
                for (String secret : LegadoQuirks.SECRETOS) {
                    assertThat(r.all()).doesNotContain(secret);
                }
            }
        }
    }

    @Test
    void liveSourceAsJsonAndTheConfiguredDatabaseRefusedWhenItHoldsData() throws Exception {
        try (LegacyMariaDb legacy = LegacyMariaDb.create();
                TestDatabase.Scratch scratch = TestDatabase.get().scratch()) {
            LegadoQuirks.construir(legacy, Estado.POST);
            Run json = run(target(
                    scratch,
                    "import",
                    "legacy",
                    "--from",
                    legacy.url(),
                    "--from-user",
                    "root",
                    "--dry-run",
                    "--json",
                    "--default-role",
                    "lector"));
            assertThat(json.exit()).as(json.all()).isZero();
            var tree = JsonMapper.builder().build().readTree(json.out());
            assertThat(tree.get("cuadra").asBoolean()).isTrue();
            assertThat(tree.get("usuarios").get(0).get("rol").asString()).isEqualTo("LECTOR");
            assertThat(json.err()).contains("Previewing the import");
            assertThat(json.all()).doesNotContain("password=");

            Run configured = run("import", "legacy", "--from", legacy.url() + "?user=root");
            assertThat(configured.exit()).isEqualTo(1);
            assertThat(configured.err()).contains("import refused").contains("is not empty");
        }
    }

    @Test
    void usageErrorsAndHelp() {
        Run help = run("import", "legacy", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--from", "--from-dump", "--dry-run", "--admin", "--default-role");
        assertThat(help.springStarted()).isFalse();
        assertThat(run("help").out()).contains("import");
        Run none = run("import", "legacy");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("--from");
        Run both = run("import", "legacy", "--from", "jdbc:mariadb://x/y", "--from-dump", "x.sql");
        assertThat(both.exit()).isEqualTo(2);
        Run admin = run("import", "legacy", "--from-dump", "x.sql", "--default-role", "ADMIN");
        assertThat(admin.exit()).isEqualTo(2);
        assertThat(admin.err()).contains("TECNICO or LECTOR");
    }
}
