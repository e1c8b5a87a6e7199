package org.inventarioti.mantenimientos;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/**
 * The maintenance queues say what they hold (issue 13): "this week" and "overdue" never overlap,
 * each tab counts its records, and the counts are the dashboard's figures; long lists have page
 * numbers; the form marks its required fields.
 */
@InventarioTest
class ColasMantenimientoTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MantenimientoService service;

    Filas.Activo activo;

    @BeforeEach
    void datos() {
        Filas filas = new Filas(jdbc);
        long categoria = filas.categoria(Filas.unico("Colas"));
        activo = filas.activo(categoria, "Equipo de colas", "Activo", "CPD", BigDecimal.TEN, "EUR");
    }

    long programar(String titulo, LocalDate fecha) {
        return service.crear(new MantenimientoRequest(
                        activo.id(), "preventivo", titulo, null, null, fecha, null, null, null, null, null, null))
                .id();
    }

    String pagina(TestUser quien, String uri) throws Exception {
        return mvc.get()
                .uri(uri)
                .with(Sesiones.de(quien))
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    static long cifra(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
        assertThat(m.find()).as(id + " in the page").isTrue();
        return Long.parseLong(m.group(1).replaceAll("\\D", ""));
    }

    @Test
    void theQueuesNeverOverlapAndCountWhatTheDashboardCounts() throws Exception {
        programar("Atrasada uno", LocalDate.now().minusDays(1));
        programar("Atrasada dos", LocalDate.now().minusDays(40));
        programar("Para hoy", LocalDate.now());
        programar("Dentro de un mes", LocalDate.now().plusDays(30));
        long cancelada = programar("Cancelada atrasada", LocalDate.now().minusDays(2));
        jdbc.sql("UPDATE mantenimientos SET estado = 'cancelado' WHERE id = ?")
                .param(cancelada)
                .update();

        for (Rol rol : Rol.values()) {
            TestUser quien = users.create(rol);
            String base = "/mantenimientos?activo=" + activo.codigo();
            String semana = pagina(quien, base + "&cola=pendientes");
            assertThat(semana).contains("Para hoy").doesNotContain("Atrasada", "Dentro de un mes", "Cancelada");
            String vencidos = pagina(quien, base + "&cola=vencidos");
            assertThat(vencidos)
                    .contains("Atrasada uno", "Atrasada dos")
                    .doesNotContain("Para hoy", "Dentro de un mes", "Cancelada");
            assertThat(cifra(semana, "cuenta-cola-pendientes")).isEqualTo(1);
            assertThat(cifra(semana, "cuenta-cola-vencidos")).isEqualTo(2);
            assertThat(cifra(semana, "cuenta-cola-todos")).isEqualTo(5);
            assertThat(semana).contains("entre hoy y el domingo, sin los vencidos");
            assertThat(pagina(quien, base + "&cola=vencidos&lang=en")).contains("due before today");

            // Unfiltered, the tabs hold exactly the dashboard's figures.
            String panel = pagina(quien, "/");
            String lista = pagina(quien, "/mantenimientos");
            assertThat(cifra(lista, "cuenta-cola-pendientes")).isEqualTo(cifra(panel, "cifra-semana"));
            assertThat(cifra(lista, "cuenta-cola-vencidos")).isEqualTo(cifra(panel, "cifra-vencidos"));
        }
    }

    @Test
    void theFormMarksWhatIsRequired() throws Exception {
        TestUser tecnico = users.create(Rol.TECNICO);
        String es = pagina(tecnico, "/mantenimientos/nuevo?activo=" + activo.codigo());
        for (String campo : new String[] {"activoCodigo", "tipo", "titulo"}) {
            assertThat(es)
                    .containsPattern("id=\"" + campo + "\"[^>]*aria-required=\"true\"|aria-required=\"true\"[^>]*id=\""
                            + campo + "\"");
        }
        assertThat(es.split("\\(obligatorio\\)", -1)).hasSize(4);
        assertThat(es).doesNotContainPattern("id=\"fechaProgramada\"[^>]*aria-required");
        String en = pagina(tecnico, "/mantenimientos/nuevo?lang=en");
        assertThat(en.split("\\(required\\)", -1)).hasSize(4);
        long id = programar("Editar", LocalDate.now());
        assertThat(pagina(tecnico, "/mantenimientos/" + id + "/editar").split("\\(obligatorio\\)", -1))
                .hasSize(5);
    }

    @Test
    void aLongListHasPageNumbers() throws Exception {
        for (int i = 0; i < FiltroMantenimientos.POR_PAGINA * 6; i++) {
            programar("Revisión " + i, LocalDate.now().plusDays(i));
        }
        TestUser lector = users.create(Rol.LECTOR);
        String base = "/mantenimientos?activo=" + activo.codigo();
        String primera = pagina(lector, base);
        assertThat(primera)
                .contains("id=\"pagina-actual\">1<", "id=\"pagina-2\"", "id=\"pagina-3\"", ">6</a>")
                .doesNotContain("id=\"pagina-4\"");
        String cuarta = pagina(lector, base + "&page=4");
        assertThat(cuarta)
                .contains("id=\"pagina-actual\">4<", "id=\"pagina-2\"", "id=\"pagina-6\"", ">1</a>")
                .contains("activo=" + activo.codigo() + "&amp;page=6", "Ir a la página 5");
        // A page beyond the last marks the last one as current, never counting backwards.
        assertThat(pagina(lector, base + "&page=99")).contains("id=\"pagina-actual\">6<");
    }
}
