package org.inventarioti.planes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

/** Calendar rules, technician rotation and the checklist ticked on completion, through the API. */
@InventarioTest
class PlanReglasTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    TestUser tecnicoUser;
    Api tecnico;
    long activo;
    final LocalDate hoy = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        tecnicoUser = users.create(Rol.TECNICO);
        tecnico = new Api(mvc, tecnicoUser);
        long laptop = jdbc.sql("SELECT id FROM categorias WHERE nombre = 'Laptop'")
                .query(Long.class)
                .single();
        MvcTestResult created = tecnico.post(
                "/api/activos",
                "{\"categoria_id\": " + laptop + ", \"nombre\": \"Equipo\", \"numero_serie\": \"" + Api.unique("RG")
                        + "\", \"especificaciones\": {\"cpu\": \"i5\", \"ram\": \"8GB\"}}");
        assertThat(created).hasStatus(201);
        activo = Api.id(created);
    }

    private long plan(String campos) {
        MvcTestResult created = tecnico.post(
                "/api/planes",
                "{\"titulo\": \"Revisión\", \"activo_id\": " + activo + ", \"fecha_inicio\": \"" + hoy.withDayOfMonth(1)
                        + "\", " + campos + "}");
        assertThat(created).hasStatus(201);
        return Api.id(created);
    }

    private List<LocalDate> fechas(long plan) {
        return jdbc.sql("SELECT plan_fecha FROM mantenimientos WHERE plan_id = ? ORDER BY plan_fecha")
                .param(plan)
                .query(LocalDate.class)
                .list();
    }

    /** The first {@code dia} of the month of {@code fecha}, found by walking its first seven days. */
    private static LocalDate primero(LocalDate fecha, DayOfWeek dia) {
        LocalDate d = fecha.withDayOfMonth(1);
        while (d.getDayOfWeek() != dia) {
            d = d.plusDays(1);
        }
        return d;
    }

    @Test
    void theFirstMondayOfEachQuarterFallsOnTheFirstMondayOfEveryThirdMonth() {
        long plan = plan("\"cada\": 3, \"unidad\": \"meses\", \"regla_ordinal\": 1, \"regla_dia_semana\": 1,"
                + " \"anticipacion_dias\": 365");
        List<LocalDate> esperadas = new ArrayList<>();
        for (int k = 0; k <= 5; k++) {
            LocalDate d = primero(hoy.withDayOfMonth(1).plusMonths(3L * k), DayOfWeek.MONDAY);
            if (!d.isBefore(hoy) && !d.isAfter(hoy.plusDays(365))) {
                esperadas.add(d);
            }
        }
        assertThat(fechas(plan)).isNotEmpty().containsExactlyElementsOf(esperadas);
        assertThat(fechas(plan)).allSatisfy(d -> {
            assertThat(d.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(d.getDayOfMonth()).isLessThanOrEqualTo(7);
        });
        // Regenerating adds nothing.
        assertThat((Integer) Api.read(tecnico.post("/api/planes/" + plan + "/generar", "{}"), "$.generados"))
                .isZero();
    }

    @Test
    void theLastFridayOfEachMonth() {
        long plan = plan("\"cada\": 1, \"unidad\": \"meses\", \"regla_ordinal\": -1, \"regla_dia_semana\": 5,"
                + " \"anticipacion_dias\": 120");
        assertThat(fechas(plan)).isNotEmpty().allSatisfy(d -> {
            assertThat(d.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
            assertThat(d.plusDays(7).getMonth()).isNotEqualTo(d.getMonth());
        });
    }

    @Test
    void invalidRulesAndRotationsAreRefusedNamingTheField() {
        String base = "{\"titulo\": \"R\", \"activo_id\": " + activo + ", \"fecha_inicio\": \"" + hoy + "\", ";
        record Caso(String campos, String campo) {}
        long otro = users.create(Rol.TECNICO).id();
        for (Caso caso : List.of(
                new Caso(
                        "\"cada\": 2, \"unidad\": \"semanas\", \"regla_ordinal\": 1, \"regla_dia_semana\": 1",
                        "unidad"),
                new Caso("\"cada\": 1, \"unidad\": \"meses\", \"regla_ordinal\": 1", "regla_dia_semana"),
                new Caso(
                        "\"cada\": 1, \"unidad\": \"meses\", \"regla_ordinal\": 0, \"regla_dia_semana\": 1",
                        "regla_ordinal"),
                new Caso(
                        "\"cada\": 1, \"unidad\": \"meses\", \"regla_ordinal\": 5, \"regla_dia_semana\": 1",
                        "regla_ordinal"),
                new Caso(
                        "\"cada\": 1, \"unidad\": \"meses\", \"regla_ordinal\": 1, \"regla_dia_semana\": 8",
                        "regla_dia_semana"),
                new Caso(
                        "\"cada\": 1, \"unidad\": \"dias\", \"tecnico_id\": " + otro + ", \"rotacion\": [" + otro + "]",
                        "rotacion"),
                new Caso("\"cada\": 1, \"unidad\": \"dias\", \"rotacion\": [" + otro + ", 987654321]", "rotacion"))) {
            MvcTestResult refused = tecnico.post("/api/planes", base + caso.campos() + "}");
            assertThat(refused).as(caso.campos()).hasStatus(422);
            assertThat(Api.body(refused)).as(caso.campos()).contains("\"" + caso.campo() + "\"");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM planes WHERE activo_id = ?")
                        .param(activo)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aRotationHandsTheDueDatesToEachTechnicianInTurn() {
        List<Long> turnos = List.of(
                users.create(Rol.TECNICO).id(),
                users.create(Rol.TECNICO).id(),
                users.create(Rol.ADMIN).id());
        MvcTestResult created = tecnico.post(
                "/api/planes",
                "{\"titulo\": \"Turnos\", \"activo_id\": " + activo + ", \"fecha_inicio\": \"" + hoy
                        + "\", \"cada\": 1, \"unidad\": \"semanas\", \"rotacion\": " + turnos + "}");
        assertThat(created).hasStatus(201);
        long plan = Api.id(created);
        List<Long> asignados = jdbc.sql("SELECT tecnico_id FROM mantenimientos WHERE plan_id = ? ORDER BY plan_fecha")
                .param(plan)
                .query(Long.class)
                .list();
        assertThat(asignados).hasSizeGreaterThanOrEqualTo(8);
        for (int k = 0; k < asignados.size(); k++) {
            assertThat(asignados.get(k)).as("week " + k).isEqualTo(turnos.get(k % 3));
        }
        // Each technician in the rotation is told once.
        assertThat(jdbc.sql("SELECT count(DISTINCT destino) FROM ops_notificaciones WHERE evento = 'plan.generado'"
                                + " AND clave LIKE ?")
                        .param("email:plan-generado:" + plan + ":%")
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void completingNeedsEveryTaskTickedAndANoteForEachNotDoneAndKeepsTheChecklist() {
        long plan = plan("\"cada\": 1, \"unidad\": \"meses\", \"desde\": \"completado\","
                + " \"checklist\": [\"Limpiar\", \"Actualizar BIOS\"]");
        long id = jdbc.sql("SELECT id FROM mantenimientos WHERE plan_id = ?")
                .param(plan)
                .query(Long.class)
                .single();

        // Changing something else keeps the checklist (a client that does not know it loses nothing).
        assertThat(tecnico.patch("/api/mantenimientos/" + id, "{\"notas\": \"Llevar destornillador\", \"version\": 0}"))
                .hasStatusOk();
        MvcTestResult unticked =
                tecnico.patch("/api/mantenimientos/" + id, "{\"estado\": \"completado\", \"version\": 1}");
        assertThat(unticked).hasStatus(422);
        assertThat(Api.body(unticked)).contains("Limpiar", "Actualizar BIOS", "\"checklist\"");

        String sinNota = "{\"estado\": \"completado\", \"version\": 1, \"checklist\": ["
                + "{\"tarea\": \"Limpiar\", \"resultado\": \"hecha\"},"
                + "{\"tarea\": \"Actualizar BIOS\", \"resultado\": \"no_hecha\"}]}";
        MvcTestResult noNote = tecnico.patch("/api/mantenimientos/" + id, sinNota);
        assertThat(noNote).hasStatus(422);
        assertThat(Api.body(noNote)).contains("checklist[1].nota");

        MvcTestResult badResult = tecnico.patch(
                "/api/mantenimientos/" + id,
                "{\"version\": 1, \"checklist\": [{\"tarea\": \"Limpiar\", \"resultado\": \"quizas\"}]}");
        assertThat(badResult).hasStatus(422);

        assertThat(jdbc.sql("SELECT estado FROM mantenimientos WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("programado");
        MvcTestResult done = tecnico.patch(
                "/api/mantenimientos/" + id,
                sinNota.replace("\"no_hecha\"}", "\"no_hecha\", \"nota\": \"Sin parche del fabricante\"}"));
        assertThat(done).hasStatusOk();
        assertThat((String) Api.read(done, "$.checklist[1].nota")).isEqualTo("Sin parche del fabricante");
        assertThat((String) Api.read(done, "$.checklist[0].resultado")).isEqualTo("hecha");
        assertThat((String) Api.read(done, "$.notas")).isEqualTo("Llevar destornillador");
        // ... and the completion scheduled the next one, with its checklist still to tick.
        long siguiente = jdbc.sql("SELECT id FROM mantenimientos WHERE plan_id = ? AND estado = 'programado'")
                .param(plan)
                .query(Long.class)
                .single();
        MvcTestResult next = tecnico.get("/api/mantenimientos/" + siguiente);
        assertThat((String) Api.read(next, "$.checklist[1].tarea")).isEqualTo("Actualizar BIOS");
        assertThat((Object) Api.read(next, "$.checklist[1].resultado")).isNull();
    }
}
