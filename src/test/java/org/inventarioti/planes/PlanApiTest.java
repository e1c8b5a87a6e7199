package org.inventarioti.planes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestUsers;
import org.inventarioti.support.TestUsers.TestUser;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Plans through /api/planes: generation, idempotency, pausing and ending, refusals, roles. */
@InventarioTest
class PlanApiTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    TestUser tecnicoUser;
    Api tecnico;
    long laptop;
    String area;
    final LocalDate hoy = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        tecnicoUser = users.create(Rol.TECNICO);
        tecnico = new Api(mvc, tecnicoUser);
        laptop = jdbc.sql("SELECT id FROM categorias WHERE nombre = 'Laptop'")
                .query(Long.class)
                .single();
        area = Api.unique("Area");
    }

    private long activo(String area, String estado) {
        MvcTestResult created = tecnico.post(
                "/api/activos",
                "{\"categoria_id\": " + laptop + ", \"nombre\": \"Equipo\", \"numero_serie\": \"" + Api.unique("PL")
                        + "\", \"estado\": \"" + estado + "\", \"area\": \"" + area
                        + "\", \"especificaciones\": {\"cpu\": \"i5\", \"ram\": \"8GB\"}}");
        assertThat(created).hasStatus(201);
        return Api.id(created);
    }

    /** Every two weeks from today: 5 due dates inside the 60-day horizon (0, 14, 28, 42, 56 days). */
    private String planDeCategoria(String extra) {
        return "{\"titulo\": \"Limpieza\", \"categoria_id\": " + laptop + ", \"area\": \"" + area.toUpperCase()
                + "\", \"cada\": 2, \"unidad\": \"semanas\", \"fecha_inicio\": \"" + hoy + "\", \"tecnico_id\": "
                + tecnicoUser.id() + ", \"checklist\": [\"Soplar ventiladores\", \"Revisar disco\"]" + extra + "}";
    }

    private int registros(long plan, long activo, String estado) {
        return jdbc.sql("SELECT count(*) FROM mantenimientos WHERE plan_id = ? AND activo_id = ? AND estado = ?")
                .params(plan, activo, estado)
                .query(Integer.class)
                .single();
    }

    private long registro(long plan, long activo, LocalDate fecha) {
        return jdbc.sql("SELECT id FROM mantenimientos WHERE plan_id = ? AND activo_id = ? AND plan_fecha = ?")
                .params(plan, activo, fecha)
                .query(Long.class)
                .single();
    }

    @Test
    void aCategoryPlanGeneratesOnceForItsAssetsAddsNewOnesAndDropsThoseThatLeave() {
        long a = activo(area, "Activo");
        long b = activo(area, "En almacén");
        long retirado = activo(area, "Dado de baja");
        long otraArea = activo(area + "-otra", "Activo");

        MvcTestResult created = tecnico.post("/api/planes", planDeCategoria(""));
        assertThat(created).hasStatus(201).hasHeader("ETag", "\"0\"");
        long plan = Api.id(created);
        assertThat(registros(plan, a, "programado")).isEqualTo(5);
        assertThat(registros(plan, b, "programado")).isEqualTo(5);
        assertThat(registros(plan, retirado, "programado")).isZero();
        assertThat(registros(plan, otraArea, "programado")).isZero();
        long primero = registro(plan, a, hoy);
        MvcTestResult record = tecnico.get("/api/mantenimientos/" + primero);
        assertThat((String) Api.read(record, "$.titulo")).isEqualTo("Limpieza");
        assertThat(Api.body(record)).contains("Soplar ventiladores");
        assertThat((String) Api.read(record, "$.checklist[0].tarea")).isEqualTo("Soplar ventiladores");
        assertThat((Object) Api.read(record, "$.checklist[0].resultado")).isNull();
        assertThat((Integer) Api.read(record, "$.plan_id")).isEqualTo((int) plan);
        assertThat((Integer) Api.read(record, "$.tecnico_id")).isEqualTo((int) tecnicoUser.id());
        // The technician is told, through the outbox, once per plan and day.
        assertThat(jdbc.sql("SELECT count(*) FROM ops_notificaciones WHERE canal = 'email' AND destino = ?"
                                + " AND evento = 'plan.generado' AND clave = ?")
                        .params(tecnicoUser.email(), "email:plan-generado:" + plan + ":" + hoy + ":" + tecnicoUser.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // Regenerating never duplicates, even after a record was moved to another date.
        assertThat(tecnico.patch(
                        "/api/mantenimientos/" + primero,
                        "{\"fecha_programada\": \"" + hoy.plusDays(3) + "\", \"version\": 0}"))
                .hasStatusOk();
        MvcTestResult again = tecnico.post("/api/planes/" + plan + "/generar", "{}");
        assertThat(again).hasStatusOk();
        assertThat((Integer) Api.read(again, "$.generados")).isZero();
        assertThat(registros(plan, a, "programado")).isEqualTo(5);

        // A new matching asset joins; an asset retired or moved away leaves (its programado records go).
        long nuevo = activo(area, "Activo");
        assertThat(tecnico.patch("/api/activos/" + b, "{\"estado\": \"Dado de baja\", \"version\": 0}"))
                .hasStatusOk();
        MvcTestResult third = tecnico.post("/api/planes/" + plan + "/generar", "{}");
        assertThat((Integer) Api.read(third, "$.generados")).isEqualTo(5);
        assertThat((Integer) Api.read(third, "$.retirados")).isEqualTo(5);
        assertThat(registros(plan, nuevo, "programado")).isEqualTo(5);
        assertThat(registros(plan, b, "programado")).isZero();
        assertThat((Integer) Api.read(tecnico.get("/api/planes/" + plan + "/registros"), "$.programado"))
                .isEqualTo(10);
    }

    @Test
    void pausingAndEndingWithdrawOnlyWhatHasNotStarted() {
        long a = activo(area, "Activo");
        long plan = Api.id(tecnico.post("/api/planes", planDeCategoria("")));
        long enCurso = registro(plan, a, hoy);
        long hecho = registro(plan, a, hoy.plusDays(14));
        assertThat(tecnico.patch("/api/mantenimientos/" + enCurso, "{\"estado\": \"en_progreso\", \"version\": 0}"))
                .hasStatusOk();
        assertThat(tecnico.patch(
                        "/api/mantenimientos/" + hecho,
                        "{\"estado\": \"completado\", \"version\": 0, \"checklist\": ["
                                + "{\"tarea\": \"Soplar ventiladores\", \"resultado\": \"hecha\"},"
                                + "{\"tarea\": \"Revisar disco\", \"resultado\": \"no_aplica\"}]}"))
                .hasStatusOk();

        MvcTestResult paused =
                tecnico.put("/api/planes/" + plan, planDeCategoria(", \"estado\": \"pausado\", \"version\": 0"));
        assertThat(paused).hasStatusOk();
        assertThat(registros(plan, a, "programado")).isZero();
        assertThat(registros(plan, a, "en_progreso")).isEqualTo(1);
        assertThat(registros(plan, a, "completado")).isEqualTo(1);

        // Resuming regenerates the withdrawn dates, not those already started or done.
        assertThat(tecnico.put("/api/planes/" + plan, planDeCategoria(", \"estado\": \"activo\", \"version\": 1")))
                .hasStatusOk();
        assertThat(registros(plan, a, "programado")).isEqualTo(3);

        // Editing the schedule replaces the records not started yet.
        String semanal = planDeCategoria(", \"version\": 2").replace("\"cada\": 2", "\"cada\": 1");
        assertThat(tecnico.put("/api/planes/" + plan, semanal)).hasStatusOk();
        assertThat(registros(plan, a, "programado")).isEqualTo(7); // weeks 2..8 (0 and 2 started/done)
        assertThat(registros(plan, a, "en_progreso") + registros(plan, a, "completado"))
                .isEqualTo(2);

        assertThat(tecnico.put("/api/planes/" + plan, planDeCategoria(", \"estado\": \"finalizado\", \"version\": 3")))
                .hasStatusOk();
        assertThat(registros(plan, a, "programado")).isZero();
        MvcTestResult reopen =
                tecnico.put("/api/planes/" + plan, planDeCategoria(", \"estado\": \"activo\", \"version\": 4"));
        assertThat(reopen).hasStatus(422);
        assertThat(Api.body(reopen)).contains("estado");
    }

    @Test
    void countingFromCompletionSchedulesTheNextWhenOneIsDone() {
        long a = activo(area, "Activo");
        MvcTestResult created = tecnico.post(
                "/api/planes",
                "{\"titulo\": \"Revisión\", \"activo_id\": " + a + ", \"cada\": 10, \"unidad\": \"dias\","
                        + " \"fecha_inicio\": \"" + hoy.minusDays(1) + "\", \"desde\": \"completado\"}");
        assertThat(created).hasStatus(201);
        long plan = Api.id(created);
        assertThat(registros(plan, a, "programado")).isEqualTo(1);
        long first = registro(plan, a, hoy.minusDays(1));
        assertThat(tecnico.patch("/api/mantenimientos/" + first, "{\"estado\": \"completado\", \"version\": 0}"))
                .hasStatusOk();
        // The completion itself scheduled the next one (no generation run needed); a run adds nothing.
        assertThat(registros(plan, a, "programado")).isEqualTo(1);
        MvcTestResult rerun = tecnico.post("/api/planes/" + plan + "/generar", "{}");
        assertThat(rerun).hasStatusOk();
        assertThat((Integer) Api.read(rerun, "$.generados")).isZero();
        LocalDate completado = jdbc.sql(
                        "SELECT (fecha_completado AT TIME ZONE 'UTC')::date FROM mantenimientos WHERE id = ?")
                .param(first)
                .query(LocalDate.class)
                .single();
        assertThat(registro(plan, a, completado.plusDays(10))).isPositive();
        assertThat(registros(plan, a, "programado")).isEqualTo(1);
    }

    @Test
    void invalidPlansAreRefusedNamingTheField() {
        long retirado = activo(area, "Dado de baja");
        long a = activo(area, "Activo");
        String base = "\"titulo\": \"X\", \"fecha_inicio\": \"" + hoy + "\"";
        List<String[]> cases = List.of(
                new String[] {
                    "{" + base + ", \"activo_id\": " + retirado + ", \"cada\": 1, \"unidad\": \"dias\"}", "Dado de baja"
                },
                new String[] {"{" + base + ", \"activo_id\": " + a + ", \"cada\": 0, \"unidad\": \"dias\"}", "cada"},
                new String[] {"{" + base + ", \"activo_id\": " + a + ", \"cada\": 1, \"unidad\": \"siglos\"}", "unidad"
                },
                new String[] {
                    "{" + base + ", \"activo_id\": " + a + ", \"categoria_id\": " + laptop
                            + ", \"cada\": 1, \"unidad\": \"dias\"}",
                    "activo_id"
                },
                new String[] {"{" + base + ", \"cada\": 1, \"unidad\": \"dias\"}", "activo_id"},
                new String[] {
                    "{" + base + ", \"activo_id\": " + a + ", \"area\": \"X\", \"cada\": 1, \"unidad\": \"dias\"}",
                    "area"
                },
                new String[] {
                    "{" + base + ", \"activo_id\": 999999999, \"cada\": 1, \"unidad\": \"dias\"}", "does not exist"
                },
                new String[] {
                    "{" + base + ", \"categoria_id\": " + laptop
                            + ", \"cada\": 1, \"unidad\": \"dias\", \"tecnico_id\": 999999999}",
                    "tecnico_id"
                },
                new String[] {
                    "{\"fecha_inicio\": \"" + hoy + "\", \"activo_id\": " + a + ", \"cada\": 1, \"unidad\": \"dias\"}",
                    "titulo"
                });
        for (String[] c : cases) {
            MvcTestResult refused = tecnico.post("/api/planes", c[0]);
            assertThat(refused).as(c[0]).hasStatus(422);
            assertThat(Api.body(refused)).as(c[0]).contains(c[1]);
        }
        assertThat(tecnico.post("/api/planes", "{\"titulo\": \"X\", \"cada\": \"many\"}"))
                .hasStatus(400);
    }

    @Test
    void readersReadTechniciansWriteAdministratorsDelete() {
        long a = activo(area, "Activo");
        String body = "{\"titulo\": \"Roles\", \"activo_id\": " + a + ", \"cada\": 3, \"unidad\": \"meses\","
                + " \"fecha_inicio\": \"" + hoy + "\"}";
        Api lector = new Api(mvc, users.create(Rol.LECTOR));
        Api admin = new Api(mvc, users.create(Rol.ADMIN));
        assertThat(lector.post("/api/planes", body)).hasStatus(403);
        long plan = Api.id(tecnico.post("/api/planes", body));
        assertThat(lector.get("/api/planes")).hasStatusOk();
        assertThat(lector.get("/api/planes/" + plan)).hasStatusOk();
        assertThat(lector.post("/api/planes/" + plan + "/generar", "{}")).hasStatus(403);
        assertThat(Api.anonymous(mvc).get("/api/planes")).hasStatus(401);
        assertThat(tecnico.delete("/api/planes/" + plan)).hasStatus(403);
        assertThat(registros(plan, a, "programado")).isEqualTo(1);
        assertThat(admin.delete("/api/planes/" + plan)).hasStatus(204);
        assertThat(admin.get("/api/planes/" + plan)).hasStatus(404);
        assertThat(jdbc.sql("SELECT count(*) FROM mantenimientos WHERE activo_id = ? AND estado = 'programado'")
                        .param(a)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM auditoria WHERE entidad = 'plan' AND entidad_id = ?")
                        .param(String.valueOf(plan))
                        .query(Integer.class)
                        .single())
                .as("created, generated, deleted")
                .isEqualTo(3);
    }

    @Test
    void theSchedulerJobGeneratesEveryActivePlan() {
        long a = activo(area, "Activo");
        long plan = Api.id(tecnico.post("/api/planes", planDeCategoria("")));
        jdbc.sql("DELETE FROM mantenimientos WHERE plan_id = ?").param(plan).update();
        MvcTestResult run = new Api(mvc, users.create(Rol.ADMIN)).post("/api/jobs/generar-planes/ejecutar", "{}");
        assertThat(run).hasStatusOk();
        assertThat((String) Api.read(run, "$.resultado")).isEqualTo("ok");
        assertThat((String) Api.read(run, "$.detalle")).contains("records generated");
        assertThat(registros(plan, a, "programado")).isEqualTo(5);
    }
}
