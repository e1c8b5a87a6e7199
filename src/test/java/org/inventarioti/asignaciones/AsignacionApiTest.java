package org.inventarioti.asignaciones;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Sesiones;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Check-out and check-in through /api/activos/{id}/asignaciones and /devolucion: every rule, refusal and role. */
@InventarioTest
class AsignacionApiTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AsignacionesVencidas vencidas;

    Api admin;
    Api tecnico;
    Api lector;
    long categoria;
    long persona;
    String nombre;
    final LocalDate hoy = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        admin = new Api(mvc, users.create(Rol.ADMIN));
        tecnico = new Api(mvc, users.create(Rol.TECNICO));
        lector = new Api(mvc, users.create(Rol.LECTOR));
        categoria = jdbc.sql("SELECT id FROM categorias WHERE nombre = 'Laptop'")
                .query(Long.class)
                .single();
        nombre = Api.unique("Ana Ruiz");
        persona = Api.id(admin.post(
                "/api/personas",
                "{\"nombre\": \"" + nombre + "\", \"email\": \"" + Api.unique("ana") + "@empresa.test\"}"));
    }

    private long activo(String estado) {
        MvcTestResult created = tecnico.post(
                "/api/activos",
                "{\"categoria_id\": " + categoria + ", \"nombre\": \"Portátil\", \"numero_serie\": \""
                        + Api.unique("AS") + "\", \"estado\": \"" + estado
                        + "\", \"especificaciones\": {\"cpu\": \"i5\", \"ram\": \"8GB\"}}");
        assertThat(created).hasStatus(201);
        return Api.id(created);
    }

    private MvcTestResult asignar(Api api, long activo, String destino) {
        return api.post(
                "/api/activos/" + activo + "/asignaciones",
                "{" + destino + ", \"condicion\": \"bueno\", \"devolucion_prevista\": \"" + hoy.plusDays(3)
                        + "\", \"notas\": \"con cargador\"}");
    }

    private MvcTestResult devolver(Api api, long activo) {
        return api.post(
                "/api/activos/" + activo + "/devolucion", "{\"condicion\": \"regular\", \"notas\": \"rayado\"}");
    }

    @Test
    void aCheckOutMakesThePersonTheCustodianAndTheReturnPutsItInStorage() {
        long id = activo("En almacén");
        MvcTestResult out = asignar(tecnico, id, "\"persona_id\": " + persona);
        assertThat(out).hasStatus(201);
        assertThat((String) Api.read(out, "$.persona")).isEqualTo(nombre);
        assertThat((String) Api.read(out, "$.estado_anterior")).isEqualTo("En almacén");
        MvcTestResult asset = lector.get("/api/activos/" + id);
        assertThat((String) Api.read(asset, "$.estado")).isEqualTo("Activo");
        assertThat((String) Api.read(asset, "$.responsable")).isEqualTo(nombre);
        assertThat(((Number) Api.read(asset, "$.persona_id")).longValue()).isEqualTo(persona);
        MvcTestResult ficha = lector.get("/api/personas/" + persona + "/activos");
        assertThat(Api.<List<Integer>>read(ficha, "$.actuales[*].activo_id")).containsExactly((int) id);

        assertThat(vencidas.estaSemana())
                .anyMatch(v -> v.activoId() == id && v.email().startsWith("ana"));
        jdbc.sql("UPDATE asignaciones SET devolucion_prevista = ? WHERE activo_id = ?")
                .params(hoy.minusDays(2), id)
                .update();
        assertThat(vencidas.vencidas())
                .anyMatch(v -> v.activoId() == id && v.persona().equals(nombre));
        String codigo = Api.read(lector.get("/api/activos/" + id), "$.codigo");
        assertThat(mvc.get().uri("/").with(Sesiones.de(users.create(Rol.LECTOR))))
                .hasStatus(200)
                .bodyText()
                .contains(nombre)
                .as("an overdue return links to its asset's page by the code people know")
                .contains("href=\"/activos/" + codigo + "\">" + codigo + "</a>")
                .contains(hoy.minusDays(2).toString());

        MvcTestResult back = devolver(tecnico, id);
        assertThat(back).hasStatus(200);
        assertThat((String) Api.read(back, "$.condicion_devolucion")).isEqualTo("regular");
        asset = lector.get("/api/activos/" + id);
        assertThat((String) Api.read(asset, "$.estado")).isEqualTo("En almacén");
        assertThat((Object) Api.read(asset, "$.responsable")).isNull();
        assertThat((Object) Api.read(asset, "$.persona_id")).isNull();
        ficha = lector.get("/api/personas/" + persona + "/activos");
        assertThat(Api.<List<Integer>>read(ficha, "$.actuales[*].activo_id")).isEmpty();
        assertThat(Api.<List<Integer>>read(ficha, "$.anteriores[*].activo_id")).containsExactly((int) id);
        assertThat(Api.<List<Object>>read(lector.get("/api/activos/" + id + "/asignaciones"), "$[*].id"))
                .hasSize(1);
        assertThat(vencidas.vencidas()).noneMatch(v -> v.activoId() == id);
        // audited with before/after: the check-out created and closed, the asset changed twice
        assertThat(jdbc.sql("SELECT count(*) FROM auditoria WHERE entidad = 'asignacion' AND entidad_id = ?")
                        .param(String.valueOf(((Number) Api.read(out, "$.id")).longValue()))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(admin.delete("/api/personas/" + persona)).hasStatus(409);
    }

    @Test
    void everyRefusalOfTheRules() {
        long id = activo("Activo");
        assertThat(asignar(tecnico, id, "\"persona_id\": " + persona)).hasStatus(201);
        assertThat(asignar(tecnico, id, "\"persona_id\": " + persona))
                .hasStatus(409)
                .bodyText()
                .contains("already checked out");
        assertThat(asignar(tecnico, activo("Dado de baja"), "\"persona_id\": " + persona))
                .hasStatus(409)
                .bodyText()
                .contains("Dado de baja");
        assertThat(asignar(tecnico, activo("En reparación"), "\"persona_id\": " + persona))
                .hasStatus(409);
        assertThat(devolver(tecnico, activo("Activo")))
                .hasStatus(409)
                .bodyText()
                .contains("not checked out");

        long libre = activo("Activo");
        assertThat(asignar(tecnico, libre, "\"persona_id\": 987654321")).hasStatus(422);
        assertThat(asignar(tecnico, libre, "\"ubicacion_id\": 987654321")).hasStatus(422);
        assertThat(asignar(tecnico, libre, "\"persona_id\": " + persona + ", \"contenedor_id\": " + id))
                .hasStatus(422);
        assertThat(asignar(tecnico, libre, "\"contenedor_id\": " + libre)).hasStatus(422);
        assertThat(tecnico.post(
                        "/api/activos/" + libre + "/asignaciones",
                        "{\"persona_id\": " + persona + ", \"condicion\": \"roto\"}"))
                .hasStatus(422);
        assertThat(tecnico.post(
                        "/api/activos/" + libre + "/asignaciones",
                        "{\"persona_id\": " + persona + ", \"condicion\": \"bueno\", \"devolucion_prevista\": \""
                                + hoy.minusDays(1) + "\"}"))
                .hasStatus(422);
        long inactiva =
                Api.id(admin.post("/api/personas", "{\"nombre\": \"" + Api.unique("Baja") + "\", \"activa\": false}"));
        assertThat(asignar(tecnico, libre, "\"persona_id\": " + inactiva))
                .hasStatus(422)
                .bodyText()
                .contains("inactive");
        assertThat(asignar(tecnico, 987654321L, "\"persona_id\": " + persona)).hasStatus(404);

        // a monitor to a desktop, then the desktop cannot go to the monitor (a cycle)
        long monitor = activo("En almacén");
        assertThat(asignar(tecnico, monitor, "\"contenedor_id\": " + id)).hasStatus(201);
        assertThat((String) Api.read(lector.get("/api/activos/" + monitor), "$.responsable"))
                .isEqualTo(nombre);
        assertThat(devolver(tecnico, id)).hasStatus(200);
        assertThat(asignar(tecnico, id, "\"contenedor_id\": " + monitor))
                .hasStatus(422)
                .bodyText()
                .contains("itself checked out");
    }

    @Test
    void techniciansCheckOutAndInAndEveryRoleReads() {
        long id = activo("Activo");
        assertThat(asignar(lector, id, "\"persona_id\": " + persona)).hasStatus(403);
        assertThat(asignar(Api.anonymous(mvc), id, "\"persona_id\": " + persona))
                .hasStatus(401);
        assertThat(asignar(admin, id, "\"persona_id\": " + persona)).hasStatus(201);
        assertThat(devolver(lector, id)).hasStatus(403);
        assertThat(devolver(Api.anonymous(mvc), id)).hasStatus(401);
        assertThat(devolver(admin, id)).hasStatus(200);
        assertThat(asignar(tecnico, id, "\"persona_id\": " + persona)).hasStatus(201);
        assertThat(devolver(tecnico, id)).hasStatus(200);
        for (Api reader : new Api[] {admin, tecnico, lector}) {
            assertThat(reader.get("/api/activos/" + id + "/asignaciones")).hasStatus(200);
        }
        assertThat(Api.anonymous(mvc).get("/api/activos/" + id + "/asignaciones"))
                .hasStatus(401);
    }
}
