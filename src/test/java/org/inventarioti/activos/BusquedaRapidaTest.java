package org.inventarioti.activos;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.inventarioti.support.Filas;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Sesiones;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The top bar's asset-tag box (issue 13): a code, a serial, a scanned label's address or a search
 * matching one asset opens it; anything else opens the filtered list; every role has the box.
 */
@InventarioTest
class BusquedaRapidaTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void whatOneAssetMatchesOpensItAndAnythingElseTheFilteredList() {
        Filas filas = new Filas(jdbc);
        long categoria = filas.categoria(Filas.unico("Cat rápida"));
        String nombre = Filas.unico("Únicó");
        Filas.Activo activo = filas.activo(categoria, nombre, "Activo", null, null, null);
        String comun = Filas.unico("Par");
        filas.activo(categoria, comun + " uno", "Activo", null, null, null);
        filas.activo(categoria, comun + " dos", "Activo", null, null, null);
        RequestPostProcessor lector = Sesiones.de(users.create(Rol.LECTOR));
        String destino = "/activos/" + activo.codigo();

        for (String escrito : new String[] {
            activo.codigo(),
            " " + activo.codigo().toLowerCase(java.util.Locale.ROOT) + " ",
            "SN-" + activo.codigo().toLowerCase(java.util.Locale.ROOT),
            "https://inventario.example.org/activos/" + activo.codigo(),
            "http://localhost/activos/" + activo.codigo() + "/",
            nombre.toUpperCase(java.util.Locale.ROOT).replace("Ú", "U")
        }) {
            assertThat(mvc.get().uri("/buscar").param("q", escrito).with(lector))
                    .as(escrito)
                    .hasStatus(302)
                    .hasRedirectedUrl(destino);
        }
        assertThat(mvc.get().uri("/buscar").param("q", comun).with(lector))
                .hasRedirectedUrl("/activos?q=" + URLEncoder.encode(comun, StandardCharsets.UTF_8));
        assertThat(mvc.get().uri("/buscar").param("q", "a+b {x} & c").with(lector))
                .hasRedirectedUrl("/activos?q=a%2Bb+%7Bx%7D+%26+c");
        assertThat(mvc.get().uri("/buscar").param("q", "  ").with(lector)).hasRedirectedUrl("/activos");
        assertThat(mvc.get().uri("/buscar?q=x")).hasStatus(302).redirectedUrl().contains("/login");
    }

    @Test
    void everyRoleHasTheBoxInTheTopBar() {
        for (Rol rol : Rol.values()) {
            for (String lang : new String[] {"es", "en"}) {
                assertThat(mvc.get().uri("/activos?lang=" + lang).with(Sesiones.de(users.create(rol))))
                        .hasStatusOk()
                        .bodyText()
                        .contains("id=\"busqueda-rapida\"", "action=\"/buscar\"", "name=\"q\"")
                        .contains(lang.equals("es") ? "Código o N/S" : "Code or S/N");
            }
        }
        assertThat(mvc.get().uri("/login")).bodyText().doesNotContain("busqueda-rapida");
    }
}
