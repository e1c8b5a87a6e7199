package org.inventarioti.auditoria;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Requests;
import org.inventarioti.support.TestUsers;
import org.inventarioti.support.TestUsers.TestUser;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Changes of assets, categories and maintenance are audited with who, when, where and what. */
@InventarioTest
class AuditoriaApiTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    TestUser adminUser;
    Api admin;
    long laptop;

    @BeforeEach
    void setUp() {
        adminUser = users.create(Rol.ADMIN);
        admin = new Api(mvc, adminUser);
        laptop = jdbc.sql("SELECT id FROM categorias WHERE nombre = 'Laptop'")
                .query(Long.class)
                .single();
    }

    private MvcTestResult post(String uri, String json, String requestId) {
        return admin.send(mvc.post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Request-Id", requestId)
                .with(Requests.from("192.0.2.77"))
                .content(json));
    }

    private Map<String, Object> row(String entidad, long id, String accion) {
        return jdbc.sql(
                        "SELECT actor_email, request_id, direccion_cliente, antes::text AS antes, despues::text AS despues"
                                + " FROM auditoria WHERE entidad = ? AND entidad_id = ? AND accion = ?")
                .params(entidad, Long.toString(id), accion)
                .query()
                .singleRow();
    }

    @Test
    void everyCreateUpdateAndDeleteIsAuditedWithWhoWhenWhereAndWhat() {
        String requestId = "audit-" + System.nanoTime();
        MvcTestResult activo = post(
                "/api/activos",
                "{\"categoria_id\": " + laptop + ", \"nombre\": \"Auditado\", \"numero_serie\": \"" + Api.unique("AU")
                        + "\", \"especificaciones\": {\"cpu\": \"i5\", \"ram\": \"8GB\"}}",
                requestId);
        assertThat(activo).hasStatus(201);
        long activoId = Api.id(activo);
        Map<String, Object> created = row("activo", activoId, "crear");
        assertThat(created.get("actor_email")).isEqualTo(adminUser.email());
        assertThat(created.get("request_id")).isEqualTo(requestId);
        assertThat(created.get("direccion_cliente")).isEqualTo("192.0.2.77");
        assertThat((String) created.get("despues")).contains("\"nombre\": \"Auditado\"");
        assertThat(created.get("antes")).isNull();

        admin.patch("/api/activos/" + activoId, "{\"ubicacion\": \"Bodega\"}", "\"0\"");
        Map<String, Object> updated = row("activo", activoId, "actualizar");
        assertThat((String) updated.get("antes"))
                .contains("\"ubicacion\": null")
                .doesNotContain("nombre");
        assertThat((String) updated.get("despues"))
                .contains("\"ubicacion\": \"Bodega\"")
                .doesNotContain("nombre");

        MvcTestResult mantenimiento = post(
                "/api/mantenimientos",
                "{\"activo_id\": " + activoId + ", \"tipo\": \"correctivo\", \"titulo\": \"Pantalla\"}",
                requestId + "-m");
        long mantenimientoId = Api.id(mantenimiento);
        assertThat(row("mantenimiento", mantenimientoId, "crear").get("request_id"))
                .isEqualTo(requestId + "-m");
        admin.patch("/api/mantenimientos/" + mantenimientoId, "{\"notas\": \"pedido\"}", "\"0\"");
        assertThat((String) row("mantenimiento", mantenimientoId, "actualizar").get("despues"))
                .contains("pedido");

        MvcTestResult categoria =
                post("/api/categorias", "{\"nombre\": \"" + Api.unique("Aud") + "\"}", requestId + "-c");
        long categoriaId = Api.id(categoria);
        assertThat(row("categoria", categoriaId, "crear").get("actor_email")).isEqualTo(adminUser.email());
        admin.put("/api/categorias/" + categoriaId, "{\"nombre\": \"" + Api.unique("Aud2") + "\", \"version\": 0}");
        assertThat((String) row("categoria", categoriaId, "actualizar").get("despues"))
                .contains("nombre");
        admin.delete("/api/categorias/" + categoriaId);
        assertThat(row("categoria", categoriaId, "eliminar").get("antes")).isNotNull();

        admin.delete("/api/activos/" + activoId);
        assertThat((String) row("activo", activoId, "eliminar").get("antes")).contains("Bodega");
        assertThat((String) row("mantenimiento", mantenimientoId, "eliminar").get("antes"))
                .contains("Pantalla");
    }

    @Test
    void administratorsQueryTheTrailWithFilters() {
        MvcTestResult activo = admin.post(
                "/api/activos",
                "{\"categoria_id\": " + laptop + ", \"nombre\": \"Filtrado\", \"numero_serie\": \"" + Api.unique("AQ")
                        + "\", \"especificaciones\": {\"cpu\": \"i5\", \"ram\": \"8GB\"}}");
        long id = Api.id(activo);
        admin.patch("/api/activos/" + id, "{\"area\": \"X\"}", "\"0\"");

        MvcTestResult byEntity = admin.get("/api/auditoria?entidad=activo&entidad_id=" + id);
        assertThat(byEntity).hasStatusOk();
        assertThat((List<String>) Api.read(byEntity, "$.items[*].accion")).containsExactly("actualizar", "crear");
        assertThat((String) Api.read(byEntity, "$.items[0].actor_email")).isEqualTo(adminUser.email());
        assertThat((Integer) Api.read(byEntity, "$.total")).isEqualTo(2);

        MvcTestResult byActor =
                admin.get("/api/auditoria?actor=" + adminUser.email().toUpperCase() + "&accion=crear");
        assertThat((List<String>) Api.read(byActor, "$.items[*].entidad")).contains("activo");
        MvcTestResult byActorId = admin.get("/api/auditoria?actor_id=" + adminUser.id() + "&entidad=activo");
        assertThat((Integer) Api.read(byActorId, "$.total")).isEqualTo(2);

        String now = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1).toString();
        assertThat((Integer) Api.read(
                        admin.get("/api/auditoria?entidad=activo&entidad_id=" + id + "&desde=" + now), "$.total"))
                .isZero();
        assertThat((Integer) Api.read(
                        admin.get("/api/auditoria?entidad=activo&entidad_id=" + id + "&hasta=" + now
                                + "&desde=2000-01-01"),
                        "$.total"))
                .isEqualTo(2);

        MvcTestResult first = admin.get("/api/auditoria?size=1&entidad=activo&entidad_id=" + id);
        String after = Api.read(first, "$.next_after");
        MvcTestResult second = admin.get("/api/auditoria?size=1&entidad=activo&entidad_id=" + id + "&after=" + after);
        assertThat((List<String>) Api.read(second, "$.items[*].accion")).containsExactly("crear");
        assertThat((Object) Api.read(second, "$.next_after")).isNull();
    }

    @Test
    void badParametersAre400() {
        assertThat(admin.get("/api/auditoria?usuario=x")).hasStatus(400);
        assertThat(admin.get("/api/auditoria?desde=ayer")).hasStatus(400);
        assertThat(admin.get("/api/auditoria?actor_id=x")).hasStatus(400);
        assertThat(admin.get("/api/auditoria?sort=accion")).hasStatus(400);
        assertThat(admin.get("/api/auditoria?size=1000")).hasStatus(400);
        assertThat(admin.get("/api/activos/1/historial?entidad=x")).hasStatus(400);
    }

    @ParameterizedTest
    @EnumSource(
            value = Rol.class,
            names = {"LECTOR", "TECNICO"})
    void onlyAdministratorsReadTheTrail(Rol rol) {
        assertThat(new Api(mvc, users.create(rol)).get("/api/auditoria")).hasStatus(403);
        assertThat(Api.anonymous(mvc).get("/api/auditoria")).hasStatus(401);
        assertThat(admin.get("/api/auditoria")).hasStatusOk();
    }
}
