package org.inventarioti.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.inventarioti.InventarioApplication;
import org.inventarioti.InventarioCli;
import org.inventarioti.categorias.CategoriaService;
import org.inventarioti.cli.CliContext;
import org.inventarioti.cli.ProgressBar;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

@InventarioTest
class DemoDataTest {

    @Autowired
    DemoDataService service;

    @Autowired
    CategoriaService categorias;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @AfterEach
    void removeDemoData() {
        service.eliminar();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void generatedAssetsFollowTheirCategorySchemaAndTheMaintenanceRule() {
        StringWriter out = new StringWriter();
        var added = service.generar(400, 11, new Progreso(new ProgressBar(new PrintWriter(out), false), "", 1));
        assertThat(added.activos()).isEqualTo(400);
        assertThat(count("SELECT count(*) FROM activos WHERE demo")).isEqualTo(400);
        assertThat(count("SELECT count(*) FROM mantenimientos WHERE demo"))
                .isEqualTo(added.mantenimientos())
                .isPositive();
        assertThat(count("SELECT count(DISTINCT categoria_id) FROM activos WHERE demo"))
                .isGreaterThanOrEqualTo(6);
        assertThat(count("SELECT count(*) FROM activos WHERE demo AND codigo !~ '^TI-[0-9]{6,}$'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM usuarios WHERE demo")).isEqualTo(4);
        assertThat(added.usuariosCreados()).hasSize(4);

        jdbc.sql("SELECT categoria_id, especificaciones::text FROM activos WHERE demo")
                .query((rs, n) -> {
                    var categoria = categorias.buscar(rs.getLong(1));
                    assertThat(categorias.validarEspecificaciones(categoria, json.readTree(rs.getString(2))))
                            .as(categoria.nombre() + " " + rs.getString(2))
                            .isEmpty();
                    return null;
                })
                .list();
        assertThat(
                        count(
                                "SELECT count(*) FROM activos a WHERE demo AND estado NOT IN ('En mantenimiento', 'Dado de baja')"
                                        + " AND EXISTS (SELECT 1 FROM mantenimientos m WHERE m.activo_id = a.id AND m.estado = 'en_progreso')"))
                .isZero();
        assertThat(count("SELECT count(*) FROM mantenimientos WHERE demo AND (estado = 'completado')"
                        + " <> (fecha_completado IS NOT NULL)"))
                .isZero();
        assertThat(out.toString()).contains("Activos: 400/400 (100%)").contains("Mantenimientos:");

        var second = service.generar(10, 12, Progreso.silencioso());
        assertThat(second.usuariosCreados()).as("demo users exist already").isEmpty();

        var removed = service.eliminar();
        assertThat(removed.activos()).isEqualTo(410);
        assertThat(count("SELECT count(*) FROM activos WHERE demo")).isZero();
        assertThat(count("SELECT count(*) FROM mantenimientos WHERE demo")).isZero();
        assertThat(count("SELECT count(*) FROM usuarios WHERE demo")).isZero();
        assertThat(count("SELECT count(*) FROM auditoria WHERE accion IN ('demo_data', 'demo_data_eliminados')"))
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void theCommandAddsAndRemovesWithPlainProgressLinesOffATerminal() {
        Run added = run("demo-data", "--activos", "25", "--seed", "5");
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out())
                .contains("Activos: 25/25 (100%)")
                .contains("Added 25 demo assets")
                .contains("Demo user tecnico1@demo.inventario.local")
                .doesNotContain("\r");
        assertThat(count("SELECT count(*) FROM activos WHERE demo")).isEqualTo(25);
        Run removed = run("demo-data", "--remove");
        assertThat(removed.exit()).isZero();
        assertThat(removed.out()).contains("Removed 25 demo assets");
        assertThat(run("demo-data").exit()).isEqualTo(2);
        assertThat(run("demo-data", "--activos", "0").exit()).isEqualTo(2);
        assertThat(run("demo-data", "--activos", "5", "--remove").exit()).isEqualTo(2);
        assertThat(run("demo-data", "--activos", "muchos").exit()).isEqualTo(2);
    }

    @Test
    void theProgressBarRedrawsInPlaceOnATerminal() {
        StringWriter out = new StringWriter();
        Progreso bar = new Progreso(new ProgressBar(new PrintWriter(out), true), "Activos", 4);
        for (int i = 0; i < 4; i++) {
            bar.avanzar(1);
        }
        bar.terminar();
        assertThat(out.toString())
                .contains("\r\033[KActivos [")
                .contains("] 100% 4/4")
                .endsWith(System.lineSeparator());
    }

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
            return new Run(commandLine.execute(args), out.toString(), err.toString());
        }
    }
}
