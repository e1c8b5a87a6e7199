package org.inventarioti.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.util.Base64;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
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

/** Hostile numbers, dates, nesting, cursors and cookies: each a documented 4xx (or ignored), never a 5xx. */
@InventarioTest
class EntradaHostilTest {

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

    private String activo(String extra) {
        return "{\"categoria_id\": " + laptop + ", \"nombre\": \"L\", \"numero_serie\": \"" + Api.unique("SN") + "\""
                + extra + ", \"especificaciones\": {\"cpu\": \"i7\", \"ram\": \"16GB\"}}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"INVALID", "<script>", "%22%27", "%2500", "en-US-x-" + "aaaaaaaaaaaaaaaa", "__"})
    void aLanguageCookieThatIsNotALocaleIsIgnored(String value) {
        MvcTestResult login = mvc.get()
                .uri("/login")
                .accept(MediaType.TEXT_HTML)
                .cookie(new Cookie("INVENTARIO_IDIOMA", value))
                .exchange();
        assertThat(login).as("/login with " + value).hasStatusOk();
        for (String uri : new String[] {"/activos", "/"}) {
            MvcTestResult page = mvc.get()
                    .uri(uri)
                    .accept(MediaType.TEXT_HTML)
                    .cookie(new Cookie("INVENTARIO_IDIOMA", value))
                    .with(Sesiones.de(tecnicoUser))
                    .exchange();
            assertThat(page).as(uri + " with " + value).hasStatusOk();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x10", "1.5", "1e3", "99999999999999999999", "1%00", "%2B1", "%D9%A1", "1_0", "%201"})
    void anIdThatIsNotAPlainIntegerIs400(String id) {
        MvcTestResult result = tecnico.send(mvc.get().uri(URI.create("/api/activos/" + id)));
        assertThat(result.getResponse().getStatus()).as(id).isEqualTo(400);
        if (!id.startsWith("%20")) { // a query value's surrounding blanks are trimmed, as for every filter
            MvcTestResult page = tecnico.send(mvc.get().uri(URI.create("/api/activos?page=" + id)));
            assertThat(page.getResponse().getStatus()).as("page=" + id).isEqualTo(400);
        }
    }

    @Test
    void aControlCharacterInAPathSegmentIs400() {
        MvcTestResult api = tecnico.send(mvc.get().uri(URI.create("/api/reportes/a%0Cb")));
        assertThat(api).hasStatus(400);
        assertThat(Api.body(api)).doesNotContain("\\f").contains("path");
    }

    @Test
    void aFractionalOrHexIdInABodyIs400() {
        assertThat(tecnico.post(
                        "/api/activos", activo("").replace("\"categoria_id\": " + laptop, "\"categoria_id\": 1.5")))
                .hasStatus(400);
        assertThat(tecnico.post(
                        "/api/activos", activo("").replace("\"categoria_id\": " + laptop, "\"categoria_id\": 1e0")))
                .hasStatus(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e-400", "1e400", "-1", "0.001", "1e20"})
    void aPriceOutOfBoundsIsRefusedOnPatchAsOnPost(String precio) {
        MvcTestResult post = tecnico.post("/api/activos", activo(", \"precio\": " + precio + ", \"moneda\": \"USD\""));
        assertThat(post.getResponse().getStatus()).as("POST " + precio).isIn(400, 422);
        long id = Api.id(tecnico.post("/api/activos", activo(", \"precio\": 10, \"moneda\": \"USD\"")));
        MvcTestResult patch = tecnico.patch("/api/activos/" + id, "{\"precio\": " + precio + "}", "\"0\"");
        assertThat(patch.getResponse().getStatus())
                .as("PATCH " + precio)
                .isEqualTo(post.getResponse().getStatus());
        assertThat(jdbc.sql("SELECT precio FROM activos WHERE id = ?")
                        .param(id)
                        .query(java.math.BigDecimal.class)
                        .single())
                .isEqualByComparingTo("10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+99999-01-01", "-0001-01-01", "0000-01-01", "1800-01-01", "2300-01-01"})
    void anImplausibleDateIs422(String date) {
        MvcTestResult result = tecnico.post("/api/activos", activo(", \"fecha_compra\": \"" + date + "\""));
        assertThat(result.getResponse().getStatus()).as(date).isIn(400, 422);
        MvcTestResult list = tecnico.send(mvc.get().uri("/api/activos").param("fecha_compra_desde", date));
        assertThat(list.getResponse().getStatus()).as("filter " + date).isEqualTo(400);
    }

    @Test
    void arraysCountTowardsTheNestingBound() {
        String deep = "[".repeat(300) + "1" + "]".repeat(300);
        MvcTestResult result =
                tecnico.post("/api/activos", activo("").replace("\"16GB\"}", "\"16GB\", \"x\": " + deep + "}"));
        assertThat(result.getResponse().getStatus()).isIn(400, 422);
        String eleven = "[".repeat(11) + "1" + "]".repeat(11);
        MvcTestResult eleventh =
                tecnico.post("/api/activos", activo("").replace("\"16GB\"}", "\"16GB\", \"x\": " + eleven + "}"));
        assertThat(eleventh).hasStatus(422);
    }

    @ParameterizedTest
    @ValueSource(strings = {"precio", "fecha_compra", "created_at", "nombre", "id"})
    void aForgedCursorIs400OnEverySort(String sort) {
        for (String forged : new String[] {
            sort + ",asc\nnot-a-value\n1", sort + ",asc\n1e999999\nx", "garbage", sort + ",asc\n\u0000\n1"
        }) {
            String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes());
            MvcTestResult api = tecnico.send(
                    mvc.get().uri("/api/activos").param("sort", sort).param("after", cursor));
            assertThat(api.getResponse().getStatus())
                    .as("api " + sort + " " + forged)
                    .isEqualTo(400);
            MvcTestResult page = mvc.get()
                    .uri("/activos")
                    .param("sort", sort)
                    .param("after", cursor)
                    .accept(MediaType.TEXT_HTML)
                    .with(Sesiones.de(tecnicoUser))
                    .exchange();
            assertThat(page.getResponse().getStatus())
                    .as("page " + sort + " " + forged)
                    .isEqualTo(400);
        }
    }
}
