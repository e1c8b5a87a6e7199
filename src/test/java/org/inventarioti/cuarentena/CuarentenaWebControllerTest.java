package org.inventarioti.cuarentena;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.inventarioti.support.Filas;
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
import org.springframework.transaction.annotation.Transactional;

@InventarioTest
class CuarentenaWebControllerTest {

    static final String TEXTO = "{cpu: <script>alert(1)</script><b>x</b>";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    TestUser admin;

    @BeforeEach
    void admin() {
        admin = users.create(Rol.ADMIN);
    }

    Filas.Activo enCuarentena(boolean resuelta) {
        Filas filas = new Filas(jdbc);
        Filas.Activo activo =
                filas.activo(filas.categoria(Filas.unico("Cuarentena web")), "Legado", "Activo", "CPD", null, null);
        jdbc.sql("""
                        INSERT INTO especificaciones_cuarentena (activo_id, texto_original, motivo, resuelto_en)
                        VALUES (?, ?, 'invalid JSON: web', CASE WHEN ? THEN now() END)""").params(activo.id(), TEXTO, resuelta).update();
        return activo;
    }

    @Test
    void onlyAdministratorsSeeTheQuarantine() {
        assertThat(mvc.get().uri("/cuarentena")).hasStatus(302).redirectedUrl().contains("/login");
        for (Rol rol : new Rol[] {Rol.LECTOR, Rol.TECNICO}) {
            assertThat(mvc.get().uri("/cuarentena").with(Sesiones.de(users.create(rol))))
                    .hasStatus(403);
        }
        assertThat(mvc.get().uri("/cuarentena").with(Sesiones.de(admin)))
                .hasStatusOk()
                .bodyText()
                .contains("Especificaciones en cuarentena", "href=\"/cuarentena\"");
    }

    @Test
    void theQuarantinedTextsAreListedVerbatimAsTextWithTheirAsset() throws Exception {
        Filas.Activo pendiente = enCuarentena(false);
        Filas.Activo resuelta = enCuarentena(true);
        String todas = mvc.get()
                .uri("/cuarentena")
                .with(Sesiones.de(admin))
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(todas)
                .contains("href=\"/activos/" + pendiente.codigo() + "\"", "href=\"/activos/" + resuelta.codigo() + "\"")
                .contains("{cpu: &lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;", "invalid JSON: web")
                .doesNotContain(TEXTO);
        assertThat(mvc.get().uri("/cuarentena?pendientes=true").with(Sesiones.de(admin)))
                .bodyText()
                .contains(pendiente.codigo())
                .doesNotContain(resuelta.codigo());
        assertThat(mvc.get().uri("/cuarentena?pendientes=quizas").with(Sesiones.de(admin)))
                .hasStatus(400);
    }

    @Test
    @Transactional
    void anEmptyQuarantineSaysSo() {
        jdbc.sql("DELETE FROM especificaciones_cuarentena").update();
        assertThat(mvc.get().uri("/cuarentena").with(Sesiones.de(admin)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"cuarentena-vacia\"", "No hay especificaciones en cuarentena.")
                .doesNotContain("tabla-cuarentena");
    }
}
