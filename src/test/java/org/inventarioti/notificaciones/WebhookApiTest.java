package org.inventarioti.notificaciones;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * /api/webhooks: administrators only (a test per role), the secret shown once, every refusal.
 * 203.0.113.0/24 (TEST-NET-3) is a public, documentation-only address: accepted, never delivered to here.
 */
@InventarioTest
class WebhookApiTest {

    static final String URL = "https://203.0.113.9/hook";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    private static String peticion(String url, String eventos, String formato) {
        return "{\"nombre\": \"Receptor\", \"url\": \"" + url + "\""
                + (eventos == null ? "" : ", \"eventos\": " + eventos)
                + (formato == null ? "" : ", \"formato\": \"" + formato + "\"") + "}";
    }

    @Test
    void onlyAdministratorsManageWebhooks() {
        for (Rol rol : List.of(Rol.TECNICO, Rol.LECTOR)) {
            Api api = new Api(mvc, users.create(rol));
            assertThat(api.get("/api/webhooks")).as(rol.name()).hasStatus(403);
            assertThat(api.get("/api/webhooks/eventos")).as(rol.name()).hasStatus(403);
            assertThat(api.post("/api/webhooks", peticion(URL, null, null)))
                    .as(rol.name())
                    .hasStatus(403);
            assertThat(api.post("/api/webhooks/1/activar", "")).as(rol.name()).hasStatus(403);
            assertThat(api.delete("/api/webhooks/1")).as(rol.name()).hasStatus(403);
        }
        assertThat(Api.anonymous(mvc).get("/api/webhooks")).hasStatus(401);
        assertThat(Api.anonymous(mvc).post("/api/webhooks", peticion(URL, null, null)))
                .hasStatus(401);
        assertThat(jdbc.sql("SELECT count(*) FROM ops_webhooks WHERE url = ?")
                        .param(URL)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void anAdministratorSubscribesAndSeesTheSecretOnlyOnce() {
        Api admin = new Api(mvc, users.create(Rol.ADMIN));
        MvcTestResult creado = admin.post("/api/webhooks", peticion(URL, "[\"plan.generado\"]", "slack"));
        assertThat(creado).hasStatus(201);
        long id = Api.id(creado);
        String secreto = Api.read(creado, "$.secreto");
        try {
            assertThat(secreto).hasSizeGreaterThanOrEqualTo(40);
            assertThat(Api.<List<String>>read(creado, "$.eventos")).containsExactly("plan.generado");
            assertThat(Api.<String>read(creado, "$.formato")).isEqualTo("slack");
            assertThat(Api.<Boolean>read(creado, "$.activo")).isTrue();
            assertThat(jdbc.sql("SELECT secreto FROM ops_webhooks WHERE id = ?")
                            .param(id)
                            .query(String.class)
                            .single())
                    .as("stored, to sign with")
                    .isEqualTo(secreto);

            MvcTestResult uno = admin.get("/api/webhooks/" + id);
            assertThat(uno).hasStatusOk();
            MvcTestResult todos = admin.get("/api/webhooks");
            MvcTestResult cambiado = admin.put("/api/webhooks/" + id, peticion(URL + "2", null, "teams"));
            assertThat(cambiado).hasStatusOk();
            assertThat(Api.<List<String>>read(cambiado, "$.eventos")).containsExactly("*");
            assertThat(Api.<String>read(cambiado, "$.url")).isEqualTo(URL + "2");
            String auditado = jdbc.sql("SELECT coalesce(string_agg(coalesce(antes::text, '') || coalesce(despues::text,"
                            + " ''), ' '), '') FROM auditoria WHERE entidad = 'webhook' AND entidad_id = ?")
                    .param(String.valueOf(id))
                    .query(String.class)
                    .single();
            assertThat(auditado).contains("teams");
            for (MvcTestResult r : List.of(uno, todos, cambiado)) {
                assertThat(Api.body(r)).doesNotContain(secreto).doesNotContain("secreto");
            }
            assertThat(auditado).doesNotContain(secreto);

            MvcTestResult rotado = admin.post("/api/webhooks/" + id + "/secreto", "");
            assertThat(rotado).hasStatusOk();
            String nuevo = Api.read(rotado, "$.secreto");
            assertThat(nuevo).isNotEqualTo(secreto);
            assertThat(Api.body(admin.get("/api/webhooks/" + id))).doesNotContain(nuevo);

            assertThat(admin.post(
                            "/api/webhooks", "{\"nombre\": \"x\", \"url\": \"" + URL + "\", \"secreto\": \"mio\"}"))
                    .as("a secret is never taken from the client")
                    .hasStatus(400);
        } finally {
            assertThat(admin.delete("/api/webhooks/" + id)).hasStatus(204);
        }
        assertThat(admin.get("/api/webhooks/" + id)).hasStatus(404);
        assertThat(admin.delete("/api/webhooks/" + id)).hasStatus(404);
    }

    @Test
    void refusesUrlsThatAreNotHttpOrInternalAndUnknownEventsOrFormats() {
        Api admin = new Api(mvc, users.create(Rol.ADMIN));
        for (String url : List.of(
                "ftp://203.0.113.9/x",
                "file:///etc/passwd",
                "javascript:alert(1)",
                "http://127.0.0.1:8080/x",
                "http://localhost/x",
                "http://10.0.0.8/x",
                "http://192.168.1.1/x",
                "http://169.254.169.254/latest/meta-data",
                "http://[::1]/x",
                "http://[fd00::1]/x",
                "")) {
            MvcTestResult r = admin.post("/api/webhooks", peticion(url, null, null));
            assertThat(r).as(url).hasStatus(422);
            assertThat(Api.<List<String>>read(r, "$.errors[*].field")).as(url).contains("url");
        }
        MvcTestResult evento = admin.post("/api/webhooks", peticion(URL, "[\"plan.generado\", \"no.existe\"]", null));
        assertThat(evento).hasStatus(422);
        assertThat(Api.<List<String>>read(evento, "$.errors[*].field")).containsExactly("eventos");
        assertThat(admin.post("/api/webhooks", peticion(URL, "[]", null))).hasStatus(422);
        MvcTestResult formato = admin.post("/api/webhooks", peticion(URL, null, "xml"));
        assertThat(formato).hasStatus(422);
        assertThat(Api.<List<String>>read(formato, "$.errors[*].field")).containsExactly("formato");
        assertThat(admin.put("/api/webhooks/999999999", peticion(URL, null, null)))
                .hasStatus(404);
        assertThat(jdbc.sql("SELECT count(*) FROM ops_webhooks WHERE url <> ? AND nombre = 'Receptor'")
                        .param(URL)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(Api.<List<String>>read(admin.get("/api/webhooks/eventos"), "$"))
                .contains("plan.generado", "backup.fallido", "webhook.desactivado");
    }
}
