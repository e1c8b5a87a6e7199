package org.inventarioti.activos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.inventarioti.support.Filas;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Sesiones;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Density of the asset list (issue 13): compact rows, a page size kept in the URL, estado as a
 * coloured badge with its text, the spec columns of the filtered category in the column chooser.
 */
@InventarioTest
class DensidadListaTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    Filas filas;
    long categoria;
    RequestPostProcessor lector;

    @BeforeEach
    void datos() {
        filas = new Filas(jdbc);
        categoria = filas.categoria(Filas.unico("Cat densidad"));
        jdbc.sql(
                        "UPDATE categorias SET esquema = '{\"type\": \"object\", \"properties\": {\"ram\": {\"type\": \"string\","
                                + " \"title\": \"Memoria RAM\"}, \"cpu\": {\"type\": \"string\"}}}' WHERE id = ?")
                .param(categoria)
                .update();
        lector = Sesiones.de(users.create(Rol.LECTOR));
    }

    @Test
    void thePageSizeIsChosenAndKeptInTheLinks() {
        for (int i = 0; i < 30; i++) {
            filas.activo(categoria, "Denso " + i, "Activo", null, null, null);
        }
        assertThat(mvc.get()
                        .uri("/activos?categoria_id=" + categoria + "&size=25")
                        .with(lector))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "id=\"filtro-tamano\" name=\"size\"", "<option value=\"25\" selected=\"selected\">25</option>")
                .contains("<option value=\"200\">200</option>", "table table-sm")
                .contains("page=2", "size=25")
                .contains("de 2"); // 30 assets at 25 a page
        assertThat(mvc.get().uri("/activos?categoria_id=" + categoria).with(lector))
                .bodyText()
                .contains("<option value=\"50\" selected=\"selected\">50</option>");
        assertThat(mvc.get().uri("/activos?size=500").with(lector)).hasStatus(400);
    }

    @Test
    void estadoIsABadgeThatKeepsItsText() {
        filas.activo(categoria, "En el taller", "En reparación", null, null, null);
        filas.activo(categoria, "Retirado", "Dado de baja", null, null, null);
        assertThat(mvc.get().uri("/activos?categoria_id=" + categoria).with(lector))
                .bodyText()
                .contains("class=\"badge estado text-bg-warning\">En reparación</span>")
                .contains("class=\"badge estado text-bg-dark\">Dado de baja</span>");
        assertThat(mvc.get().uri("/activos?lang=en&categoria_id=" + categoria).with(lector))
                .bodyText()
                .contains("class=\"badge estado text-bg-warning\">In repair</span>");
    }

    @Test
    void theFilteredCategorysSpecKeysAreColumnsToChoose() {
        Filas.Activo activo = filas.activo(categoria, "Con ram", "Activo", null, null, null);
        assertThat(mvc.get().uri("/activos?categoria_id=" + categoria).with(lector))
                .bodyText()
                .contains("id=\"columnas-especificacion\"", "value=\"spec.ram\"", "value=\"spec.cpu\"", "Memoria RAM");
        assertThat(mvc.get().uri("/activos").with(lector)).bodyText().doesNotContain("columnas-especificacion");

        var result = mvc.get()
                .uri("/activos?categoria_id=" + categoria + "&columnas=nombre&columnas=spec.ram&columnas=spec.x-y")
                .with(lector)
                .exchange();
        assertThat(result)
                .bodyText()
                .contains("<span>Memoria RAM</span>", "<span>16GB</span>")
                .doesNotContain("spec.x-y");
        String cookie = result.getResponse().getCookie(ColumnasActivos.COOKIE).getValue();
        assertThat(cookie).isEqualTo("codigo-nombre-spec.ram");
        assertThat(mvc.get()
                        .uri("/activos?categoria_id=" + categoria)
                        .cookie(new jakarta.servlet.http.Cookie(ColumnasActivos.COOKIE, cookie))
                        .with(lector))
                .bodyText()
                .contains("id=\"activo-" + activo.codigo() + "\"", "<span>16GB</span>")
                .contains("id=\"columna-spec.ram\" checked=\"checked\"");
    }

    @Test
    void savedSearchesAreEachUsersOwn() {
        for (Rol rol : Rol.values()) {
            TestUsers.TestUser yo = users.create(rol);
            RequestPostProcessor mia = Sesiones.de(yo);
            String consulta = "?categoria_id=" + categoria + "&estado=Activo&size=25";
            assertThat(mvc.post()
                            .uri("/cuenta/busquedas")
                            .param("nombre", " Mis portátiles ")
                            .param("consulta", consulta)
                            .with(csrf())
                            .with(mia))
                    .hasStatus(302)
                    .hasRedirectedUrl("/activos" + consulta);
            assertThat(mvc.get().uri("/activos").with(mia))
                    .bodyText()
                    .contains("Búsquedas guardadas (1)", ">Mis portátiles</a>")
                    .contains("href=\"/activos?categoria_id=" + categoria + "&amp;estado=Activo&amp;size=25\"");
            long id = jdbc.sql("SELECT id FROM busquedas_guardadas WHERE usuario_id = ?")
                    .param(yo.id())
                    .query(Long.class)
                    .single();

            // Another user neither sees it nor can delete it.
            RequestPostProcessor otro = Sesiones.de(users.create(Rol.ADMIN));
            assertThat(mvc.get().uri("/activos").with(otro))
                    .bodyText()
                    .contains("Búsquedas guardadas (0)")
                    .doesNotContain("Mis portátiles");
            assertThat(mvc.post()
                            .uri("/cuenta/busquedas/" + id + "/eliminar")
                            .with(csrf())
                            .with(otro))
                    .hasStatus(404);
            assertThat(mvc.post().uri("/cuenta/busquedas/" + id + "/eliminar").with(mia))
                    .hasStatus(403); // no CSRF token

            // Saving the same name replaces its query; then the owner deletes it.
            mvc.post()
                    .uri("/cuenta/busquedas")
                    .param("nombre", "Mis portátiles")
                    .param("consulta", "?estado=Activo")
                    .with(csrf())
                    .with(mia)
                    .exchange();
            assertThat(jdbc.sql("SELECT consulta FROM busquedas_guardadas WHERE usuario_id = ?")
                            .param(yo.id())
                            .query(String.class)
                            .list())
                    .containsExactly("?estado=Activo");
            assertThat(mvc.post()
                            .uri("/cuenta/busquedas/" + id + "/eliminar")
                            .with(csrf())
                            .with(mia))
                    .hasRedirectedUrl("/activos");
            assertThat(jdbc.sql("SELECT count(*) FROM busquedas_guardadas WHERE usuario_id = ?")
                            .param(yo.id())
                            .query(Long.class)
                            .single())
                    .isZero();
        }
    }

    @Test
    void aBadSavedSearchIsRefusedAndSaysWhy() {
        TestUsers.TestUser yo = users.create(Rol.LECTOR);
        RequestPostProcessor mia = Sesiones.de(yo);
        for (String[] mala : new String[][] {
            {"", "?estado=Activo"},
            {"x".repeat(81), ""},
            {"Llaves", "?q={x}"},
            {"Fuera", "https://evil.example/"},
            {"Espacio", "?q=a b"}
        }) {
            var result = mvc.post()
                    .uri("/cuenta/busquedas")
                    .param("nombre", mala[0])
                    .param("consulta", mala[1])
                    .with(csrf())
                    .with(mia)
                    .exchange();
            assertThat(result).hasStatus(302);
            assertThat(result.getResponse().getRedirectedUrl())
                    .startsWith("/activos")
                    .doesNotContain("evil", "{");
            assertThat(result.getMvcResult().getFlashMap().get("busquedaError")).isIn("nombre", "consulta");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM busquedas_guardadas WHERE usuario_id = ?")
                        .param(yo.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
