package org.inventarioti.mantenimientos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestUsers;
import org.inventarioti.support.TestUsers.TestUser;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@InventarioTest
class MantenimientoApiTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    TestUser tecnicoUser;
    Api tecnico;
    long activo;

    @BeforeEach
    void setUp() {
        tecnicoUser = users.create(Rol.TECNICO);
        tecnico = new Api(mvc, tecnicoUser);
        activo = nuevoActivo(tecnico, "Activo");
    }

    private long nuevoActivo(Api api, String estado) {
        long laptop = jdbc.sql("SELECT id FROM categorias WHERE nombre = 'Laptop'")
                .query(Long.class)
                .single();
        MvcTestResult created = api.post(
                "/api/activos",
                "{\"categoria_id\": " + laptop + ", \"nombre\": \"Equipo\", \"numero_serie\": \"" + Api.unique("MT")
                        + "\", \"estado\": \"" + estado
                        + "\", \"especificaciones\": {\"cpu\": \"i5\", \"ram\": \"8GB\"}}");
        assertThat(created).hasStatus(201);
        return Api.id(created);
    }

    private MvcTestResult crear(long activoId, String estado, String fecha) {
        return tecnico.post(
                "/api/mantenimientos",
                "{\"activo_id\": " + activoId + ", \"tipo\": \"preventivo\", \"titulo\": \"Limpieza\", \"estado\": \""
                        + estado + "\", \"fecha_programada\": " + (fecha == null ? "null" : "\"" + fecha + "\"")
                        + ", \"tecnico_id\": " + tecnicoUser.id() + ", \"costo\": 25.5}");
    }

    private String estadoActivo(long id) {
        return Api.read(tecnico.get("/api/activos/" + id), "$.estado");
    }

    @Test
    void createReadUpdateAndCompleteSetsTheCompletionDate() {
        MvcTestResult created = crear(activo, "programado", "2030-01-15");
        assertThat(created).hasStatus(201).hasHeader("ETag", "\"0\"");
        long id = Api.id(created);
        assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/mantenimientos/" + id);
        assertThat((String) Api.read(created, "$.tecnico")).isEqualTo("Test TECNICO");
        assertThat((Object) Api.read(created, "$.fecha_completado")).isNull();
        assertThat(tecnico.get("/api/mantenimientos/" + id)).hasStatusOk();

        MvcTestResult done = tecnico.patch("/api/mantenimientos/" + id, "{\"estado\": \"completado\"}", "\"0\"");
        assertThat(done).hasStatusOk();
        assertThat((String) Api.read(done, "$.fecha_completado")).isNotBlank();
        MvcTestResult reopened =
                tecnico.patch("/api/mantenimientos/" + id, "{\"estado\": \"programado\", \"version\": 1}");
        assertThat((Object) Api.read(reopened, "$.fecha_completado")).isNull();

        String full = Api.body(reopened).replace("\"Limpieza\"", "\"Cambio de disco\"");
        MvcTestResult put = tecnico.put("/api/mantenimientos/" + id, full);
        assertThat(put).hasStatusOk();
        assertThat((String) Api.read(put, "$.titulo")).isEqualTo("Cambio de disco");
        assertThat(tecnico.put("/api/mantenimientos/" + id, full)).hasStatus(409);
    }

    @Test
    void aMaintenanceInProgressPutsTheAssetInMaintenanceUntilItEnds() {
        long id = Api.id(crear(activo, "programado", "2030-01-01"));
        assertThat(estadoActivo(activo)).isEqualTo("Activo");
        tecnico.patch("/api/mantenimientos/" + id, "{\"estado\": \"en_progreso\"}", "\"0\"");
        assertThat(estadoActivo(activo)).isEqualTo("En mantenimiento");

        MvcTestResult conflicting = tecnico.patch(
                "/api/activos/" + activo,
                "{\"estado\": \"Activo\"}",
                tecnico.get("/api/activos/" + activo).getResponse().getHeader("ETag"));
        assertThat(conflicting).hasStatus(422);
        assertThat((String) Api.read(conflicting, "$.errors[0].field")).isEqualTo("estado");

        long second = Api.id(crear(activo, "en_progreso", null));
        tecnico.patch("/api/mantenimientos/" + id, "{\"estado\": \"completado\"}", "\"1\"");
        assertThat(estadoActivo(activo)).as("another one is still in progress").isEqualTo("En mantenimiento");
        tecnico.patch("/api/mantenimientos/" + second, "{\"estado\": \"cancelado\"}", "\"0\"");
        assertThat(estadoActivo(activo)).isEqualTo("Activo");

        List<String> changes = jdbc.sql("SELECT despues->>'estado' FROM auditoria WHERE entidad = 'activo'"
                        + " AND entidad_id = ? AND accion = 'actualizar' ORDER BY id")
                .param(Long.toString(activo))
                .query(String.class)
                .list();
        assertThat(changes).containsExactly("En mantenimiento", "Activo");
    }

    @Test
    void aRetiredAssetStaysRetired() {
        long retired = nuevoActivo(tecnico, "Dado de baja");
        long id = Api.id(crear(retired, "en_progreso", null));
        assertThat(estadoActivo(retired)).isEqualTo("Dado de baja");
        tecnico.patch("/api/mantenimientos/" + id, "{\"estado\": \"completado\"}", "\"0\"");
        assertThat(estadoActivo(retired)).isEqualTo("Dado de baja");
    }

    @Test
    void deletingTheMaintenanceInProgressReleasesTheAsset() {
        Api admin = new Api(mvc, users.create(Rol.ADMIN));
        long id = Api.id(crear(activo, "en_progreso", null));
        assertThat(estadoActivo(activo)).isEqualTo("En mantenimiento");
        assertThat(tecnico.delete("/api/mantenimientos/" + id)).hasStatus(403);
        assertThat(admin.delete("/api/mantenimientos/" + id)).hasStatus(204);
        assertThat(estadoActivo(activo)).isEqualTo("Activo");
        assertThat(admin.get("/api/mantenimientos/" + id)).hasStatus(404);
    }

    @Test
    void listsFilterDueAndOverdueAndTheAssetHistory() {
        String yesterday = LocalDate.now().minusDays(1).toString();
        String nextWeek = LocalDate.now().plusDays(7).toString();
        long overdue = Api.id(crear(activo, "programado", yesterday));
        long due = Api.id(crear(activo, "programado", nextWeek));
        long done = Api.id(crear(activo, "completado", yesterday));
        String base = "/api/mantenimientos?activo_id=" + activo;
        assertThat(ids(tecnico.get(base))).containsExactlyInAnyOrder(overdue, due, done);
        assertThat(ids(tecnico.get(base + "&vencidos=true"))).containsExactly(overdue);
        assertThat(ids(tecnico.get(base + "&vencidos=false"))).containsExactlyInAnyOrder(due, done);
        assertThat(ids(tecnico.get(base + "&pendientes_hasta=" + nextWeek))).containsExactlyInAnyOrder(overdue, due);
        assertThat(ids(tecnico.get(base + "&estado=completado"))).containsExactly(done);
        assertThat(ids(tecnico.get(base + "&tipo=preventivo&tecnico_id=" + tecnicoUser.id())))
                .hasSize(3);
        assertThat(ids(tecnico.get(base + "&desde=" + nextWeek + "&hasta=" + nextWeek)))
                .containsExactly(due);
        assertThat(ids(tecnico.get(base + "&sort=fecha_programada,asc")).get(2)).isEqualTo(due);
        assertThat((Boolean) Api.read(tecnico.get("/api/mantenimientos/" + overdue), "$.vencido"))
                .isTrue();

        MvcTestResult history = tecnico.get("/api/activos/" + activo + "/mantenimientos?size=2");
        assertThat(history).hasStatusOk();
        assertThat((Integer) Api.read(history, "$.total")).isEqualTo(3);
        assertThat((String) Api.read(history, "$.next_after")).isNotNull();
        assertThat(tecnico.get("/api/activos/987654321/mantenimientos")).hasStatus(404);
        assertThat(tecnico.get("/api/activos/" + activo + "/mantenimientos?activo_id=1"))
                .hasStatus(400);
    }

    private static List<Long> ids(MvcTestResult result) {
        assertThat(result).hasStatusOk();
        List<Number> ids = Api.read(result, "$.items[*].id");
        return ids.stream().map(Number::longValue).toList();
    }

    @Test
    void badInputIsRefused() {
        assertThat(tecnico.post("/api/mantenimientos", "{\"activo_id\": ")).hasStatus(400);
        assertThat(tecnico.post(
                        "/api/mantenimientos", "{\"activo_id\": \"x\", \"tipo\": \"preventivo\", \"titulo\": \"t\"}"))
                .hasStatus(400);
        MvcTestResult missing = tecnico.post("/api/mantenimientos", "{\"tipo\": \"rapido\", \"titulo\": \" \"}");
        assertThat(missing).hasStatus(422);
        assertThat((List<String>) Api.read(missing, "$.errors[*].field")).contains("activo_id", "tipo", "titulo");
        MvcTestResult unknown = tecnico.post(
                "/api/mantenimientos",
                "{\"activo_id\": 987654, \"tipo\": \"correctivo\", \"titulo\": \"t\", \"tecnico_id\": 987654,"
                        + " \"costo\": -3}");
        assertThat(unknown).hasStatus(422);
        assertThat((List<String>) Api.read(unknown, "$.errors[*].field")).contains("activo_id", "tecnico_id", "costo");
        MvcTestResult future = tecnico.post(
                "/api/mantenimientos",
                "{\"activo_id\": " + activo
                        + ", \"tipo\": \"correctivo\", \"titulo\": \"t\", \"estado\": \"completado\","
                        + " \"fecha_completado\": \"2999-01-01T00:00:00Z\"}");
        assertThat(future).hasStatus(422);
        long id = Api.id(crear(activo, "programado", null));
        assertThat(tecnico.patch("/api/mantenimientos/" + id, "{\"titulo\": \"x\"}"))
                .hasStatus(428);
        assertThat(tecnico.patch("/api/mantenimientos/" + id, "{\"activo_id\": 1}", "\"0\""))
                .hasStatus(422);
        assertThat(tecnico.patch("/api/mantenimientos/" + id, "{\"color\": 1}", "\"0\""))
                .hasStatus(400);
        assertThat(tecnico.get("/api/mantenimientos?size=500")).hasStatus(400);
        assertThat(tecnico.get("/api/mantenimientos?sort=costo")).hasStatus(400);
        assertThat(tecnico.get("/api/mantenimientos?color=x")).hasStatus(400);
        assertThat(tecnico.get("/api/mantenimientos?estado=roto")).hasStatus(400);
        assertThat(tecnico.get("/api/mantenimientos?vencidos=quizas")).hasStatus(400);
    }

    @ParameterizedTest
    @EnumSource(Rol.class)
    void rolesFollowTheMatrix(Rol rol) {
        Api api = new Api(mvc, users.create(rol));
        long id = Api.id(crear(activo, "programado", null));
        assertThat(api.get("/api/mantenimientos")).hasStatusOk();
        assertThat(api.get("/api/mantenimientos/" + id)).hasStatusOk();
        assertThat(api.get("/api/activos/" + activo + "/mantenimientos")).hasStatusOk();
        int writes = rol == Rol.LECTOR ? 403 : 200;
        assertThat(api.patch("/api/mantenimientos/" + id, "{\"notas\": \"n\"}", "\"0\""))
                .hasStatus(writes);
        assertThat(api.put("/api/mantenimientos/" + id, Api.body(api.get("/api/mantenimientos/" + id))))
                .hasStatus(writes);
        assertThat(Api.status(api.post(
                        "/api/mantenimientos",
                        "{\"activo_id\": " + activo + ", \"tipo\": \"emergencia\", \"titulo\": \"t\"}")))
                .isEqualTo(rol == Rol.LECTOR ? 403 : 201);
        assertThat(api.delete("/api/mantenimientos/" + id)).hasStatus(rol == Rol.ADMIN ? 204 : 403);
        Api anonymous = Api.anonymous(mvc);
        assertThat(anonymous.get("/api/mantenimientos")).hasStatus(401);
        assertThat(anonymous.post("/api/mantenimientos", "{}")).hasStatus(401);
    }
}
