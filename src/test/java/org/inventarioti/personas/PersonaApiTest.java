package org.inventarioti.personas;

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
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** People through /api/personas: rules, optimistic versions, refusals, the search, roles. */
@InventarioTest
class PersonaApiTest {

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

    private static String persona(String nombre, String email) {
        return "{\"nombre\": \"" + nombre + "\", \"email\": \"" + email + "\", \"numero_empleado\": \""
                + Api.unique("E") + "\", \"area\": \"Finanzas\", \"cargo\": \"Analista\"}";
    }

    @Test
    void anAdminCreatesReadsReplacesAndDeletesAPersonWithVersions() {
        String nombre = Api.unique("Sofía  López");
        String email = Api.unique("sofia") + "@empresa.test";
        MvcTestResult created = admin.post("/api/personas", persona(nombre, email));
        assertThat(created).hasStatus(201);
        long id = Api.id(created);
        assertThat((String) Api.read(created, "$.nombre")).isEqualTo(nombre.replaceAll("\\s+", " "));
        assertThat((Boolean) Api.read(created, "$.activa")).isTrue();
        assertThat(created.getResponse().getHeader("ETag")).isEqualTo("\"0\"");

        String sinAcentos =
                nombre.replace("í", "i").replace("ó", "o").toUpperCase().substring(0, 10);
        assertThat(Api.<java.util.List<Integer>>read(lector.get("/api/personas?q=" + sinAcentos), "$[*].id"))
                .contains((int) id);

        String cambio =
                "{\"nombre\": \"" + nombre + "\", \"email\": \"" + email + "\", \"activa\": false, \"version\": 0}";
        assertThat(admin.put("/api/personas/" + id, cambio)).hasStatus(200);
        MvcTestResult stale = admin.put("/api/personas/" + id, cambio);
        assertThat(stale).hasStatus(409);
        assertThat(admin.put("/api/personas/" + id, cambio.replace(", \"version\": 0", "")))
                .hasStatus(428);
        assertThat(lector.get("/api/personas/" + id))
                .bodyJson()
                .extractingPath("$.activa")
                .isEqualTo(false);
        assertThat(Api.<java.util.List<Integer>>read(lector.get("/api/personas?activa=false&q=" + email), "$[*].id"))
                .contains((int) id);

        assertThat(jdbc.sql("SELECT count(*) FROM auditoria WHERE entidad = 'persona' AND entidad_id = ?")
                        .param(String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(admin.delete("/api/personas/" + id)).hasStatus(204);
        assertThat(lector.get("/api/personas/" + id)).hasStatus(404);
    }

    @Test
    void badInputAndDuplicatesAreRefused() {
        assertThat(admin.post("/api/personas", "{\"nombre\": \"  \"}")).hasStatus(422);
        String clave = "236407-202141-068077-862696-038336-506806-325694-617768";
        assertThat(admin.post("/api/personas", "{\"nombre\": \"Ana\", \"cargo\": \"clave " + clave + "\"}"))
                .as("a secret in a person's texts is refused, not stored")
                .hasStatus(422)
                .bodyText()
                .contains("cargo")
                .doesNotContain(clave);
        assertThat(admin.post("/api/personas", "{\"nombre\": \"X\", \"email\": \"no es correo\"}"))
                .hasStatus(422);
        assertThat(admin.post("/api/personas", "{\"nombre\": \"" + "x".repeat(201) + "\"}"))
                .hasStatus(422);
        assertThat(admin.post("/api/personas", "{\"nombre\": \"X\", \"usuario_id\": 987654321}"))
                .hasStatus(422)
                .bodyText()
                .contains("usuario_id");
        String email = Api.unique("dup") + "@empresa.test";
        assertThat(admin.post(
                        "/api/personas", "{\"nombre\": \"" + Api.unique("Uno") + "\", \"email\": \"" + email + "\"}"))
                .hasStatus(201);
        assertThat(admin.post(
                        "/api/personas",
                        "{\"nombre\": \"" + Api.unique("Dos") + "\", \"email\": \"" + email.toUpperCase() + "\"}"))
                .hasStatus(409)
                .bodyText()
                .contains("email");
        String numero = Api.unique("N");
        assertThat(admin.post(
                        "/api/personas",
                        "{\"nombre\": \"" + Api.unique("Uno") + "\", \"numero_empleado\": \"" + numero + "\"}"))
                .hasStatus(201);
        assertThat(admin.post(
                        "/api/personas",
                        "{\"nombre\": \"" + Api.unique("Dos") + "\", \"numero_empleado\": \"" + numero + "\"}"))
                .hasStatus(409);
        assertThat(admin.get("/api/personas/987654321")).hasStatus(404);
    }

    @Test
    void onlyAdminsManagePeopleAndEveryRoleReadsThem() {
        String body = persona(Api.unique("Rol"), Api.unique("rol") + "@empresa.test");
        assertThat(tecnico.post("/api/personas", body)).hasStatus(403);
        assertThat(lector.post("/api/personas", body)).hasStatus(403);
        assertThat(Api.anonymous(mvc).post("/api/personas", body)).hasStatus(401);
        long id = Api.id(admin.post("/api/personas", body));
        String cambio = "{\"nombre\": \"Otro\", \"version\": 0}";
        assertThat(tecnico.put("/api/personas/" + id, cambio)).hasStatus(403);
        assertThat(lector.put("/api/personas/" + id, cambio)).hasStatus(403);
        assertThat(tecnico.delete("/api/personas/" + id)).hasStatus(403);
        assertThat(lector.delete("/api/personas/" + id)).hasStatus(403);
        assertThat(Api.anonymous(mvc).delete("/api/personas/" + id)).hasStatus(401);
        for (Api reader : new Api[] {admin, tecnico, lector}) {
            assertThat(reader.get("/api/personas/" + id)).hasStatus(200);
            assertThat(reader.get("/api/personas/" + id + "/activos")).hasStatus(200);
            assertThat(reader.get("/api/personas")).hasStatus(200);
        }
        assertThat(Api.anonymous(mvc).get("/api/personas")).hasStatus(401);
        assertThat(Api.anonymous(mvc).get("/api/personas/" + id)).hasStatus(401);
    }
}
