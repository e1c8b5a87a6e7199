package org.inventarioti.notificaciones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Sesiones;
import org.inventarioti.support.TestUsers;
import org.inventarioti.support.TestUsers.TestUser;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The outbox page under Administración: a test per role, the filters, a failed one's error and
 * its "retry now" (page and API), in Spanish and English. The shared context has no SMTP server,
 * so a retried e-mail fails again here; the retry that delivers is in {@link NotificacionEntregaTest}.
 */
@InventarioTest
class BandejaWebControllerTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    TestUser admin;
    String dominio;

    @BeforeEach
    void datos() {
        admin = users.create(Rol.ADMIN);
        dominio = Api.unique("bandeja").toLowerCase() + ".test";
    }

    private long fila(String canal, String destino, String evento, String estado, String error) {
        return jdbc.sql("""
                        INSERT INTO ops_notificaciones (canal, destino, evento, asunto, cuerpo, clave, estado, intentos,
                            ultimo_error, enviada_en)
                        VALUES (?, ?, ?, 'Asunto de prueba', 'cuerpo', ?, ?, ?, ?,
                            CASE WHEN ? = 'enviada' THEN now() END)
                        RETURNING id""")
                .params(
                        canal,
                        destino,
                        evento,
                        Api.unique("clave"),
                        estado,
                        estado.equals("pendiente") ? 0 : 10,
                        error,
                        estado)
                .query(Long.class)
                .single();
    }

    private String pagina(String uri) throws Exception {
        MvcTestResult r = mvc.get().uri(uri).with(Sesiones.de(admin)).exchange();
        assertThat(r).hasStatusOk();
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String estado(long id) {
        return jdbc.sql("SELECT estado FROM ops_notificaciones WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    @Test
    void onlyAdministratorsSeeTheOutboxAndRetry() {
        long fallida = fila("email", "x@" + dominio, "prueba", "fallida", "boom");
        assertThat(mvc.get().uri("/notificaciones"))
                .hasStatus(302)
                .redirectedUrl()
                .contains("/login");
        assertThat(mvc.post().uri("/notificaciones/" + fallida + "/reintentar").with(csrf()))
                .hasStatus(302)
                .redirectedUrl()
                .contains("/login");
        for (Rol rol : new Rol[] {Rol.LECTOR, Rol.TECNICO}) {
            TestUser user = users.create(rol);
            assertThat(mvc.get().uri("/notificaciones").with(Sesiones.de(user))).hasStatus(403);
            assertThat(mvc.post()
                            .uri("/notificaciones/" + fallida + "/reintentar")
                            .with(csrf())
                            .with(Sesiones.de(user)))
                    .hasStatus(403);
            assertThat(new Api(mvc, user).post("/api/notificaciones/" + fallida + "/reintentar", ""))
                    .hasStatus(403);
            assertThat(mvc.get().uri("/").with(Sesiones.de(user))).bodyText().doesNotContain("id=\"nav-bandeja\"");
        }
        assertThat(Api.anonymous(mvc).post("/api/notificaciones/" + fallida + "/reintentar", ""))
                .hasStatus(401);
        assertThat(estado(fallida)).as("nobody but an administrator retried it").isEqualTo("fallida");
        assertThat(mvc.get().uri("/notificaciones").with(Sesiones.de(admin)))
                .hasStatusOk()
                .bodyText()
                .contains("Notificaciones: bandeja de salida", "id=\"nav-bandeja\"");
    }

    @Test
    void theFiltersShowOnlyWhatMatchesWithCountsAndTheErrorOfAFailedOne() throws Exception {
        long enviada = fila("email", "ana@" + dominio, "mantenimiento.vence", "enviada", null);
        long pendiente = fila("email", "luis@" + dominio, "garantia.vence", "pendiente", "SMTP down <b>");
        long fallida = fila("email", "eva@" + dominio, "resumen.diario", "fallida", "MailSendException: <script>x");
        long hook = fila(
                "webhook",
                "https://hooks.example.com/services/T000/B000/" + dominio,
                "plan.generado",
                "fallida",
                "HTTP 500");

        String todas = pagina("/notificaciones?destino=" + dominio);
        assertThat(todas)
                .contains("Todas (4)", "Pendientes (1)", "Fallidas (2)", "Enviadas (1)")
                .contains("notificacion-" + enviada, "notificacion-" + pendiente, "notificacion-" + fallida)
                .contains("MailSendException: &lt;script&gt;x", "SMTP down &lt;b&gt;")
                .doesNotContain("<script>x");

        String fallidas = pagina("/notificaciones?estado=fallida&destino=" + dominio);
        assertThat(fallidas)
                .contains("notificacion-" + fallida, "id=\"reintentar-" + fallida + "\"")
                .doesNotContain("notificacion-" + enviada, "notificacion-" + pendiente)
                .doesNotContain("id=\"reintentar-" + pendiente + "\"");

        assertThat(pagina("/notificaciones?canal=email&evento=garantia.vence&destino=" + dominio))
                .contains("notificacion-" + pendiente)
                .doesNotContain("notificacion-" + enviada, "notificacion-" + fallida);

        String webhooks = pagina("/notificaciones?canal=webhook&destino=" + dominio);
        assertThat(webhooks)
                .as("a webhook's URL is shown as its origin: the rest is a Slack/Teams URL's secret")
                .contains("notificacion-" + hook, "https://hooks.example.com/…")
                .doesNotContain("T000/B000");

        assertThat(pagina("/notificaciones?destino=nadie-" + dominio + "&lang=en"))
                .contains("id=\"bandeja-vacia\"", "No notifications match these filters.", "All (0)");
        MvcTestResult api =
                new Api(mvc, admin).get("/api/notificaciones?estado=fallida&canal=email&destino=" + dominio);
        assertThat(api).hasStatusOk();
        List<Number> ids = com.jayway.jsonpath.JsonPath.read(Api.body(api), "$[*].id");
        assertThat(ids).extracting(Number::longValue).containsExactly(fallida);
    }

    @Test
    void badFiltersAreRefused() {
        for (String q :
                new String[] {"estado=borrada", "canal=sms", "antes=abc", "antes=%2B1", "destino=" + "x".repeat(201)}) {
            assertThat(mvc.get().uri("/notificaciones?" + q).with(Sesiones.de(admin)))
                    .as(q)
                    .hasStatus(400);
            assertThat(new Api(mvc, admin).get("/api/notificaciones?" + q))
                    .as(q)
                    .hasStatus(400);
        }
    }

    @Test
    void olderOnesArePagedByTheLastIdShown() throws Exception {
        long primera = fila("email", "p0@" + dominio, "prueba", "enviada", null);
        for (int i = 1; i <= BandejaWebController.POR_PAGINA; i++) {
            fila("email", "p" + i + "@" + dominio, "prueba", "enviada", null);
        }
        String primeraPagina = pagina("/notificaciones?destino=" + dominio);
        assertThat(primeraPagina)
                .doesNotContain("notificacion-" + primera + "\"")
                .contains("id=\"mas-antiguas\"");
        String siguiente = primeraPagina
                .replaceAll("(?s).*id=\"mas-antiguas\"\\s+href=\"([^\"]+)\".*", "$1")
                .replace("&amp;", "&");
        assertThat(pagina(siguiente)).contains("notificacion-" + primera + "\"").doesNotContain("id=\"mas-antiguas\"");
    }

    @Test
    void retryingAFailedOneTriesOnceMoreAndShowsItsNewErrorInTheAdministratorsLanguage() throws Exception {
        long fallida = fila("email", "reintento@" + dominio, "prueba", "fallida", "old error");
        assertThat(mvc.post()
                        .uri("/notificaciones/" + fallida + "/reintentar?lang=en")
                        .with(csrf())
                        .with(Sesiones.de(admin)))
                .hasStatus(302)
                .redirectedUrl()
                .isEqualTo("/notificaciones?estado=fallida");
        Notificacion despues = jdbc.sql("SELECT id, canal, destino, evento, asunto, cuerpo, clave, estado, intentos,"
                        + " proximo_intento, ultimo_error, creada_en, enviada_en, webhook_id FROM ops_notificaciones"
                        + " WHERE id = ?")
                .param(fallida)
                .query(Notificacion.class)
                .single();
        assertThat(despues.estado()).as("no SMTP server here: failed again").isEqualTo("fallida");
        assertThat(despues.intentos()).isEqualTo(11);
        assertThat(despues.ultimoError()).contains("no SMTP server configured");
        assertThat(jdbc.sql("SELECT count(*) FROM auditoria WHERE entidad = 'notificacion' AND entidad_id = ?"
                                + " AND accion = 'reintentar'")
                        .param(String.valueOf(fallida))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        MvcTestResult conAviso = mvc.post()
                .uri("/notificaciones/" + fallida + "/reintentar")
                .with(csrf())
                .with(Sesiones.de(admin))
                .exchange();
        String html = mvc.get()
                .uri("/notificaciones?estado=fallida&lang=en")
                .with(Sesiones.de(admin))
                // the browser session's flash, as the redirect leaves it (MockMvc's flashAttrs go to another session)
                .requestAttr(
                        org.springframework.web.servlet.DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE,
                        conAviso.getMvcResult().getFlashMap())
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html)
                .contains("id=\"resultado-reintento\"", "Notification " + fallida + " failed again:")
                .contains("no SMTP server configured");
    }

    @Test
    void onlyAFailedOneCanBeRetried() {
        long enviada = fila("email", "ya@" + dominio, "prueba", "enviada", null);
        long pendiente = fila("email", "aun@" + dominio, "prueba", "pendiente", null);
        Api api = new Api(mvc, admin);
        assertThat(api.post("/api/notificaciones/" + enviada + "/reintentar", ""))
                .hasStatus(409);
        assertThat(api.post("/api/notificaciones/" + pendiente + "/reintentar", ""))
                .hasStatus(409);
        assertThat(api.post("/api/notificaciones/999999999/reintentar", "")).hasStatus(404);
        assertThat(mvc.post()
                        .uri("/notificaciones/" + enviada + "/reintentar")
                        .with(csrf())
                        .with(Sesiones.de(admin)))
                .hasStatus(409);
        assertThat(mvc.post().uri("/notificaciones/" + enviada + "/reintentar").with(Sesiones.de(admin)))
                .as("without the CSRF token")
                .hasStatus(403);
        assertThat(estado(enviada)).isEqualTo("enviada");
        assertThat(estado(pendiente)).isEqualTo("pendiente");
    }
}
