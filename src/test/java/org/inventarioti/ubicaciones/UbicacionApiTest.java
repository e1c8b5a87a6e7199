package org.inventarioti.ubicaciones;

import static org.assertj.core.api.Assertions.assertThat;

import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The tree of places through /api/ubicaciones: paths, moves with the subtree, cycles, deleting in use, roles. */
@InventarioTest
class UbicacionApiTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    Api admin;
    Api tecnico;
    Api lector;

    @BeforeEach
    void setUp() {
        admin = new Api(mvc, users.create(Rol.ADMIN));
        tecnico = new Api(mvc, users.create(Rol.TECNICO));
        lector = new Api(mvc, users.create(Rol.LECTOR));
    }

    private long lugar(String nombre, Long padre) {
        var r = admin.post("/api/ubicaciones", "{\"nombre\": \"" + nombre + "\", \"padre_id\": " + padre + "}");
        assertThat(r).hasStatus(201);
        return Api.id(r);
    }

    private String ruta(long id) {
        return Api.read(lector.get("/api/ubicaciones/" + id), "$.ruta");
    }

    @Test
    void pathsFollowTheTreeAndAMoveCarriesTheSubtreeAndItsAssets() {
        String sede = Api.unique("Sede Central");
        long raiz = lugar(sede, null);
        long edificio = lugar("Edificio B", raiz);
        long piso = lugar("Piso 2", edificio);
        long sala = lugar("Sala 204", piso);
        assertThat(ruta(sala)).isEqualTo(sede + " › Edificio B › Piso 2 › Sala 204");
        long categoria = jdbc.sql("SELECT id FROM categorias WHERE nombre = 'Laptop'")
                .query(Long.class)
                .single();
        var activo = tecnico.post(
                "/api/activos",
                "{\"categoria_id\": " + categoria + ", \"nombre\": \"Equipo\", \"numero_serie\": \""
                        + Api.unique("UB") + "\", \"ubicacion_id\": " + sala
                        + ", \"especificaciones\": {\"cpu\": \"i5\", \"ram\": \"8GB\"}}");
        assertThat(activo).hasStatus(201);
        long activoId = Api.id(activo);
        assertThat((String) Api.read(activo, "$.ubicacion")).isEqualTo(ruta(sala));

        long otro = lugar("Edificio C", raiz);
        assertThat(admin.put(
                        "/api/ubicaciones/" + piso,
                        "{\"nombre\": \"Piso 3\", \"padre_id\": " + otro + ", \"version\": 0}"))
                .hasStatus(200);
        assertThat(ruta(sala)).isEqualTo(sede + " › Edificio C › Piso 3 › Sala 204");
        assertThat((String) Api.read(lector.get("/api/activos/" + activoId), "$.ubicacion"))
                .isEqualTo(sede + " › Edificio C › Piso 3 › Sala 204");
        assertThat(Api.<java.util.List<String>>read(
                        lector.get("/api/ubicaciones?q=" + sede.toUpperCase()), "$[*].ruta"))
                .containsExactly(
                        sede,
                        sede + " › Edificio B",
                        sede + " › Edificio C",
                        sede + " › Edificio C › Piso 3",
                        sede + " › Edificio C › Piso 3 › Sala 204");
        assertThat(jdbc.sql("SELECT count(*) FROM auditoria WHERE entidad = 'ubicacion' AND entidad_id = ?")
                        .param(String.valueOf(piso))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void cyclesDuplicatesAndDeletingAPlaceInUseAreRefused() {
        long raiz = lugar(Api.unique("Sede"), null);
        long hijo = lugar("Edificio", raiz);
        long nieto = lugar("Piso", hijo);
        assertThat(admin.put(
                        "/api/ubicaciones/" + raiz,
                        "{\"nombre\": \"Sede\", \"padre_id\": " + nieto + ", \"version\": 0}"))
                .hasStatus(422)
                .bodyText()
                .contains("cycle");
        assertThat(admin.put(
                        "/api/ubicaciones/" + hijo,
                        "{\"nombre\": \"Edificio\", \"padre_id\": " + hijo + ", \"version\": 0}"))
                .hasStatus(422);
        assertThat(admin.post("/api/ubicaciones", "{\"nombre\": \"  EDIFÍCIO \", \"padre_id\": " + raiz + "}"))
                .hasStatus(409);
        assertThat(admin.post("/api/ubicaciones", "{\"nombre\": \"A > B\"}")).hasStatus(422);
        assertThat(admin.post("/api/ubicaciones", "{\"nombre\": \"\"}")).hasStatus(422);
        // a secret as a place's name (found by the fuzz suite: it was stored and audited)
        String clave = "236407-202141-068077-862696-038336-506806-325694-617768";
        assertThat(admin.post("/api/ubicaciones", "{\"nombre\": \"notas " + clave + "\"}"))
                .hasStatus(422)
                .bodyText()
                .doesNotContain(clave);
        assertThat(admin.post("/api/ubicaciones", "{\"nombre\": \"X\", \"padre_id\": 987654321}"))
                .hasStatus(422);

        assertThat(admin.delete("/api/ubicaciones/" + hijo))
                .hasStatus(409)
                .bodyText()
                .contains("places under it");
        long categoria = jdbc.sql("SELECT id FROM categorias WHERE nombre = 'Laptop'")
                .query(Long.class)
                .single();
        assertThat(tecnico.post(
                        "/api/activos",
                        "{\"categoria_id\": " + categoria + ", \"nombre\": \"Equipo\", \"numero_serie\": \""
                                + Api.unique("UB") + "\", \"ubicacion_id\": " + nieto
                                + ", \"especificaciones\": {\"cpu\": \"i5\", \"ram\": \"8GB\"}}"))
                .hasStatus(201);
        assertThat(admin.delete("/api/ubicaciones/" + nieto))
                .hasStatus(409)
                .bodyText()
                .contains("in use: 1 activos");
        long libre = lugar("Libre", raiz);
        assertThat(admin.delete("/api/ubicaciones/" + libre)).hasStatus(204);
    }

    @Test
    void onlyAdminsManagePlacesAndEveryRoleReadsThem() {
        long raiz = lugar(Api.unique("Sede"), null);
        String body = "{\"nombre\": \"Nueva\", \"padre_id\": " + raiz + "}";
        assertThat(tecnico.post("/api/ubicaciones", body)).hasStatus(403);
        assertThat(lector.post("/api/ubicaciones", body)).hasStatus(403);
        assertThat(Api.anonymous(mvc).post("/api/ubicaciones", body)).hasStatus(401);
        assertThat(tecnico.put("/api/ubicaciones/" + raiz, "{\"nombre\": \"Y\", \"version\": 0}"))
                .hasStatus(403);
        assertThat(lector.put("/api/ubicaciones/" + raiz, "{\"nombre\": \"Y\", \"version\": 0}"))
                .hasStatus(403);
        assertThat(tecnico.delete("/api/ubicaciones/" + raiz)).hasStatus(403);
        assertThat(lector.delete("/api/ubicaciones/" + raiz)).hasStatus(403);
        assertThat(Api.anonymous(mvc).delete("/api/ubicaciones/" + raiz)).hasStatus(401);
        for (Api reader : new Api[] {admin, tecnico, lector}) {
            assertThat(reader.get("/api/ubicaciones/" + raiz)).hasStatus(200);
            assertThat(reader.get("/api/ubicaciones")).hasStatus(200);
        }
        assertThat(Api.anonymous(mvc).get("/api/ubicaciones")).hasStatus(401);
    }
}
