package org.inventarioti.reportes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.inventarioti.support.Filas;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Sesiones;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@InventarioTest
class PanelControllerTest {

    static final String XSS = "<script>alert(1)</script><img src=x onerror=alert(2)>";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReporteService service;

    @Test
    void everyRoleSeesTheDashboard() {
        for (Rol rol : Rol.values()) {
            assertThat(mvc.get().uri("/").with(Sesiones.de(users.create(rol))))
                    .hasStatusOk()
                    .bodyText()
                    .contains(
                            "Activos por estado",
                            "id=\"grafico-categoria\"",
                            "data-graficos=",
                            "/webjars/chart.js/4.5.1/dist/chart.umd.min.js",
                            "/recursos/js/panel.js");
        }
    }

    @Test
    void theDashboardCountsAndValuesByCategoryAndShowsTheNumbersAsText() throws Exception {
        Filas filas = new Filas(jdbc);
        String nombre = Filas.unico("Cat panel");
        long categoria = filas.categoria(nombre);
        filas.activo(categoria, "A", "Activo", "Sistemas", new BigDecimal("100.50"), "EUR");
        filas.activo(categoria, "B", "En almacén", "Sistemas", new BigDecimal("20.00"), "EUR");
        filas.activo(categoria, "C", "Activo", "Sistemas", new BigDecimal("7.00"), "USD");

        Resumen porCategoria = service.panel().porCategoria();
        Resumen.Fila fila = porCategoria.filas().stream()
                .filter(f -> f.clave().equals(nombre))
                .findFirst()
                .orElseThrow();
        assertThat(fila.cantidad()).isEqualTo(3);
        assertThat(fila.valor())
                .containsExactly(
                        new Resumen.Importe("EUR", new BigDecimal("120.50")),
                        new Resumen.Importe("USD", new BigDecimal("7.00")));

        String html = mvc.get()
                .uri("/")
                .with(Sesiones.de(users.create(Rol.LECTOR)))
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html.replaceAll("\\s+", " "))
                .containsPattern(
                        "<td><a href=\"/activos\\?categoria_id=" + categoria + "\">" + nombre
                                + "</a></td> <td class=\"text-end cifra\">3</td> <td class=\"text-end importes\">"
                                + " <span class=\"importe cifra\">120,50 EUR</span>; <span class=\"importe cifra\">7,00 USD</span>");
    }

    @Test
    void overdueAndDueMaintenanceAndEndingWarrantiesAreCounted() {
        Filas filas = new Filas(jdbc);
        long categoria = filas.categoria(Filas.unico("Cat mant"));
        LocalDate hoy = LocalDate.now();
        Panel antes = service.panel();
        Filas.Activo activo =
                filas.activo(categoria, "Con garantía", "Activo", null, null, null, null, hoy.plusDays(10));
        filas.activo(categoria, "Garantía lejana", "Activo", null, null, null, null, hoy.plusDays(90));
        filas.activo(categoria, "De baja", "Dado de baja", null, null, null, null, hoy.plusDays(5));
        String titulo = Filas.unico("Revisión atrasada");
        filas.mantenimiento(activo.id(), titulo, "programado", LocalDate.of(1999, 1, 1));
        filas.mantenimiento(activo.id(), "Hoy", "en_progreso", hoy);
        filas.mantenimiento(activo.id(), "Completado", "completado", hoy.minusDays(3));
        filas.mantenimiento(activo.id(), "Cancelado", "cancelado", hoy);
        Panel despues = service.panel();

        assertThat(despues.mantenimientosVencidos() - antes.mantenimientosVencidos())
                .isEqualTo(1);
        assertThat(despues.mantenimientosSemana() - antes.mantenimientosSemana())
                .isEqualTo(1);
        assertThat(despues.garantiasPorVencer() - antes.garantiasPorVencer()).isEqualTo(1);
        assertThat(despues.mantenimientosAtrasados())
                .anySatisfy(m -> assertThat(m.titulo()).isEqualTo(titulo));
        assertThat(mvc.get().uri("/").with(Sesiones.de(users.create(Rol.TECNICO))))
                .bodyText()
                .contains(titulo, "1999-01-01", "href=\"/activos/" + activo.codigo() + "\"");
    }

    @Test
    void theQueuesAreBrokenDownByTechnicianEachLinkingToItsFilteredList() throws Exception {
        Filas filas = new Filas(jdbc);
        long categoria = filas.categoria(Filas.unico("Cat colas"));
        Filas.Activo activo = filas.activo(categoria, "Colas", "Activo", null, null, null);
        LocalDate hoy = LocalDate.now();
        TestUsers.TestUser ana = users.create(Rol.TECNICO);
        TestUsers.TestUser luis = users.create(Rol.TECNICO);
        TestUsers.TestUser libre = users.create(Rol.TECNICO);
        asignar(filas.mantenimiento(activo.id(), Filas.unico("Ana vencido"), "programado", hoy.minusDays(3)), ana);
        asignar(filas.mantenimiento(activo.id(), Filas.unico("Ana vencido"), "en_progreso", hoy.minusDays(1)), ana);
        String anaHoy = Filas.unico("Ana hoy");
        asignar(filas.mantenimiento(activo.id(), anaHoy, "programado", hoy), ana);
        asignar(filas.mantenimiento(activo.id(), "Ana lejano", "programado", hoy.plusDays(30)), ana);
        asignar(filas.mantenimiento(activo.id(), "Ana hecho", "completado", hoy.minusDays(2)), ana);
        asignar(filas.mantenimiento(activo.id(), Filas.unico("Luis hoy"), "programado", hoy), luis);

        Panel panel = service.panel();
        assertThat(panel.colasPorTecnico())
                .contains(
                        new Panel.ColaTecnico(ana.id(), ana.usuario().nombre(), 1, 2),
                        new Panel.ColaTecnico(luis.id(), luis.usuario().nombre(), 1, 0))
                .noneMatch(c -> c.tecnicoId() != null && c.tecnicoId() == libre.id());

        String html = mvc.get()
                .uri("/")
                .with(Sesiones.de(users.create(Rol.LECTOR)))
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String vencidosAna = "/mantenimientos?cola=vencidos&amp;tecnico_id=" + ana.id();
        String semanaAna = "/mantenimientos?cola=pendientes&amp;tecnico_id=" + ana.id();
        assertThat(html)
                .contains("id=\"cola-tecnico-" + ana.id() + "\"", "id=\"cola-tecnico-" + luis.id() + "\"")
                .contains("href=\"" + vencidosAna + "\">2</a>", "href=\"" + semanaAna + "\">1</a>")
                .contains("href=\"/mantenimientos?cola=pendientes&amp;tecnico_id=" + luis.id() + "\">1</a>")
                .doesNotContain("/mantenimientos?cola=vencidos&amp;tecnico_id=" + luis.id())
                .doesNotContain("id=\"cola-tecnico-" + libre.id() + "\"")
                .containsPattern("id=\"enlace-vencidos\"\\s+href=\"/mantenimientos\\?cola=vencidos\"")
                .containsPattern("id=\"enlace-semana\"\\s+href=\"/mantenimientos\\?cola=pendientes\"");

        String lista = mvc.get()
                .uri(semanaAna.replace("&amp;", "&"))
                .with(Sesiones.de(users.create(Rol.LECTOR)))
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(lista)
                .as("the link opens that technician's queue")
                .contains(anaHoy)
                .doesNotContain("Ana lejano");
        assertThat(mvc.get().uri("/?lang=en").with(Sesiones.de(users.create(Rol.LECTOR))))
                .bodyText()
                .contains("Maintenance by technician: this week and overdue");
    }

    private void asignar(long mantenimiento, TestUsers.TestUser tecnico) {
        jdbc.sql("UPDATE mantenimientos SET tecnico_id = ? WHERE id = ?")
                .params(tecnico.id(), mantenimiento)
                .update();
    }

    @Test
    void namesFromTheDataAreShownAsText() throws Exception {
        Filas filas = new Filas(jdbc);
        long categoria = filas.categoria(Filas.unico(XSS));
        filas.activo(categoria, XSS, "Activo", XSS, BigDecimal.ONE, "EUR");
        String html = mvc.get()
                .uri("/")
                .with(Sesiones.de(users.create(Rol.LECTOR)))
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html)
                .doesNotContain(XSS)
                .doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        assertThat(mvc.get().uri("/")).hasStatus(302).hasRedirectedUrl("/login");
    }
}
