package org.inventarioti.importacion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.inventarioti.InventarioApplication;
import org.inventarioti.InventarioCli;
import org.inventarioti.cli.CliContext;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/** inventario import file as an operator types it: the preview by default, --apply, the report, refusals. */
@InventarioTest
class ImportFileCommandTest {

    @TempDir
    Path dir;

    @Autowired
    JdbcClient jdbc;

    record Run(int exit, String out, String err) {}

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
            return new Run(exit, out.toString(), err.toString());
        }
    }

    long conSerie(String serie) {
        return jdbc.sql("SELECT count(*) FROM activos WHERE numero_serie = ?")
                .param(serie)
                .query(Long.class)
                .single();
    }

    @Test
    void previewThenApplyWithTheReportAndAClearRefusal() throws Exception {
        String a = Api.unique("CLI");
        String b = Api.unique("CLIB");
        Path file = Hojas.csv(
                dir,
                "equipos.csv",
                StandardCharsets.UTF_8,
                true,
                "Número de serie;Nombre;Categoría;spec.cpu;spec.ram\n" + a + ";Uno;Laptop;i7;16GB\n" + b
                        + ";Dos;Tostadora;i5;8GB\n");

        Run preview = run("import", "file", file.toString());
        assertThat(preview.out())
                .contains(
                        "Import preview (nothing was written)",
                        "CSV (UTF-8 with BOM, separator ';')",
                        "Número de serie -> numero_serie",
                        "rows: 2 read, 1 to create, 0 to update, 0 unchanged, 1 refused",
                        "row 3: Categoría: unknown category \"Tostadora\"");
        assertThat(preview.exit()).as("refused rows in a preview: exit 1").isEqualTo(1);
        assertThat(conSerie(a)).isZero();

        Path report = dir.resolve("informe.csv");
        Run apply = run("import", "file", file.toString(), "--apply", "--skip-errors", "--report", report.toString());
        assertThat(apply.exit()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("Import completada", "1 created", "1 refused", "2/2 rows");
        assertThat(conSerie(a)).isEqualTo(1);
        assertThat(conSerie(b)).isZero();
        assertThat(Files.readString(report, StandardCharsets.UTF_8))
                .contains("resultado_importacion", a + ",Uno,Laptop,i7,16GB,crear,")
                .contains("rechazada");

        Run refused = run("import", "file", dir.resolve("nada.csv").toString());
        assertThat(refused.exit()).isEqualTo(2);
        Files.writeString(dir.resolve("banco.csv"), "Fecha,Importe\n2024-01-01,3\n");
        Run other = run("import", "file", dir.resolve("banco.csv").toString(), "--apply");
        assertThat(other.exit()).isEqualTo(1);
        assertThat(other.err()).contains("import refused: no column of this file maps to an asset field");
    }
}
