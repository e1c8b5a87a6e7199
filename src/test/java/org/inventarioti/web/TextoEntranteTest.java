package org.inventarioti.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Requests;
import org.inventarioti.support.Sesiones;
import org.inventarioti.support.TestUsers;
import org.inventarioti.support.TestUsers.TestUser;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The front door for text: control characters anywhere a client sends text are a 400 naming the place. */
@InventarioTest
class TextoEntranteTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    TestUser tecnicoUser;
    Api tecnico;
    long laptop;

    @BeforeEach
    void setUp() {
        tecnicoUser = users.create(Rol.TECNICO);
        tecnico = new Api(mvc, tecnicoUser);
        laptop = jdbc.sql("SELECT id FROM categorias WHERE nombre = 'Laptop'")
                .query(Long.class)
                .single();
    }

    private String activo(String nombre, String notas) {
        return "{\"categoria_id\": " + laptop + ", \"nombre\": " + nombre + ", \"numero_serie\": \""
                + Api.unique("SN") + "\", \"notas\": " + notas
                + ", \"especificaciones\": {\"cpu\": \"i7\", \"ram\": \"16GB\"}}";
    }

    /** A GET with the URI taken as written (percent escapes not encoded again). */
    private MvcTestResult get(String uri) {
        return tecnico.send(mvc.get().uri(URI.create(uri)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%00", "%01", "%1B", "%7F", "%C2%85"})
    void aControlCharacterInAQueryParameterNameOrValueIs400(String c) {
        MvcTestResult name = get("/api/activos?q" + c + "=x");
        assertThat(name).hasStatus(400);
        assertThat((String) Api.read(name, "$.parameter")).startsWith("q\\u00");
        MvcTestResult spec = get("/api/activos?spec.r" + c + "am=16GB");
        assertThat(spec).hasStatus(400);
        MvcTestResult value = get("/api/activos?q=a" + c + "b");
        assertThat(value).hasStatus(400);
        assertThat((String) Api.read(value, "$.parameter")).isEqualTo("q");
        assertThat(Api.body(value)).doesNotContain("a\u0000b");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/activos?q=a%00b",
                "/categorias?q=%00",
                "/mantenimientos?q=%01",
                "/auditoria?actor=%00",
                "/reportes/inventario?area=%00",
                "/reportes/inventario.csv?area=%00",
                "/etiquetas/ir?codigo=%00"
            })
    void aControlCharacterOnAPageIs400NotAServerError(String uri) {
        TestUser admin = users.create(Rol.ADMIN);
        MvcTestResult page = mvc.get()
                .uri(URI.create(uri))
                .accept(MediaType.TEXT_HTML)
                .with(Sesiones.de(admin))
                .exchange();
        assertThat(page).hasStatus(400);
    }

    @Test
    void aControlCharacterInAJsonBodyIsNamedByItsPath() {
        MvcTestResult nombre = tecnico.post("/api/activos", activo("\"Lap\\u0000top\"", "null"));
        assertThat(nombre).hasStatus(400);
        assertThat((String) Api.read(nombre, "$.field")).isEqualTo("nombre");
        MvcTestResult linea = tecnico.post("/api/activos", activo("\"Lap\\ntop\"", "null"));
        assertThat(linea).hasStatus(400);
        MvcTestResult key =
                tecnico.post("/api/activos", activo("\"Laptop\"", "null").replace("\"cpu\"", "\"c\\u0007pu\""));
        assertThat(key).hasStatus(400);
        assertThat((String) Api.read(key, "$.field")).isEqualTo("especificaciones.c\\u0007pu");
        MvcTestResult surrogate = tecnico.post("/api/activos", activo("\"x\\ud800y\"", "null"));
        assertThat(surrogate).hasStatus(400);
        assertThat(jdbc.sql("SELECT count(*) FROM activos WHERE nombre LIKE 'Lap%top' AND nombre <> 'Laptop'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void multiLineFieldsKeepTheirLineBreaks() {
        MvcTestResult created = tecnico.post("/api/activos", activo("\"Laptop\"", "\"línea 1\\r\\n\\tlínea 2\""));
        assertThat(created).hasStatus(201);
        assertThat((String) Api.read(created, "$.notas")).isEqualTo("línea 1\r\n\tlínea 2");
        MvcTestResult nul = tecnico.post("/api/activos", activo("\"Laptop\"", "\"a\\u0000b\""));
        assertThat(nul).hasStatus(400);
        assertThat((String) Api.read(nul, "$.field")).isEqualTo("notas");
    }

    @Test
    void aControlCharacterInAHeaderOrCookieIs400() {
        MvcTestResult header = tecnico.send(mvc.get().uri("/api/activos").header("X-Rareza", "a\u0001b"));
        assertThat(header).hasStatus(400);
        assertThat((String) Api.read(header, "$.header")).isEqualToIgnoringCase("X-Rareza");
        MvcTestResult cookie = tecnico.send(mvc.get().uri("/api/activos").header("Cookie", "galleta=a\u0002b"));
        assertThat(cookie).hasStatus(400);
        assertThat((String) Api.read(cookie, "$.cookie")).isEqualTo("galleta");
    }

    private MvcTestResult login(String emailJson, RequestPostProcessor from) {
        return mvc.post()
                .uri("/api/auth/login")
                .with(from)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":" + emailJson + ",\"password\":\"whatever-pass\"}")
                .exchange();
    }

    private long audits(String accion, String email) {
        return jdbc.sql("SELECT count(*) FROM auditoria WHERE accion = ? AND actor_email = ?")
                .param(accion)
                .param(email)
                .query(Long.class)
                .single();
    }

    @Test
    void aLoginWithAControlCharacterIsRefusedAndAudited() {
        String tag = Api.unique("nul");
        MvcTestResult refused = login("\"" + tag + "\\u0000@test.local\"", Requests.fromNewAddress());
        assertThat(refused).hasStatus(401);
        assertThat(audits("login_fallido", tag + "\ufffd@test.local")).isEqualTo(1);
    }

    @Test
    void aRateLimitedLoginWithAControlCharacterIs429AndAudited() {
        RequestPostProcessor address = Requests.fromNewAddress();
        for (int i = 0; i < 30; i++) {
            assertThat(login("\"nobody-" + i + "@test.local\"", address)).hasStatus(401);
        }
        String tag = Api.unique("nul");
        MvcTestResult limited = login("\"" + tag + "\\u0000@test.local\"", address);
        assertThat(limited).hasStatus(429);
        assertThat(audits("login_limitado", tag + "\ufffd@test.local")).isEqualTo(1);
    }
}
