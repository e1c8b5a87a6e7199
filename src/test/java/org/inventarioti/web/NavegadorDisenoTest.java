package org.inventarioti.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Navegador;
import org.inventarioti.support.TestUsers;
import org.inventarioti.support.TestUsers.TestUser;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

/**
 * The layout holds at every width from 360 to 1 920 px (issue 13): no page scrolls sideways, on a
 * phone the asset and maintenance lists are cards and the filters fold away. One browser for the
 * whole class; screenshots of the main screens at 390, 1 024 and 1 366 px in target/screenshots/
 * (dashboard, asset list, page and form, maintenance list, reports; Spanish and English). The
 * dashboard's bar charts label every bar at every width.
 */
@InventarioTest
class NavegadorDisenoTest {

    static final int[] ANCHOS = {360, 390, 768, 1024, 1100, 1366, 1920};
    static final int[] CAPTURAS = {390, 1024, 1366};

    /** The elements sticking out on the right (outside scrolling tables), for the failure message. */
    static final String ANCHOS_DE_MAS = """
            var w = window.innerWidth, fuera = [];
            document.querySelectorAll('body *').forEach(function (e) {
              var r = e.getBoundingClientRect();
              if (r.right > w + 1 && r.width > 0 && !e.closest('.table-responsive')) {
                fuera.push(e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(r.right));
              }
            });
            return fuera.slice(-6).join(' | ');""";

    /** The dashboard's tables whose columns do not fit their card (the value column cut). */
    static final String CORTADAS = """
            var cortadas = [];
            document.querySelectorAll('#pagina .table-responsive').forEach(function (t) {
              if (t.scrollWidth > t.clientWidth + 1) { cortadas.push(t.firstElementChild.id); }
            });
            return cortadas.join(' ');""";

    /** The dashboard's bar charts that do not label every bar (issue 13: Chart.js skips labels when crowded). */
    static final String SIN_ETIQUETAS = """
            var faltan = [], series = JSON.parse(document.getElementById('datos-panel').dataset.graficos);
            ['categoria', 'area'].forEach(function (s) {
              var g = Chart.getChart(document.getElementById('grafico-' + s));
              if (series[s].valores.length && (!g || g.scales.y.ticks.length !== series[s].etiquetas.length)) {
                faltan.push(s + ' ' + (g ? g.scales.y.ticks.length : 0) + '/' + series[s].etiquetas.length);
              }
            });
            return faltan.join(' ');""";

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvcTester mvc;

    String activo(TestUser tecnico, String notas) {
        long categoria = jdbc.sql("SELECT id FROM categorias WHERE nombre = 'Laptop'")
                .query(Long.class)
                .single();
        String serie = "DIS-" + UUID.randomUUID().toString().substring(0, 8);
        var result = new Api(mvc, tecnico).post("/api/activos", """
                {"categoria_id": %d, "nombre": "Portátil de diseño con un nombre bastante largo",
                 "numero_serie": "%s", "area": "Administración y finanzas", "precio": 1234567.89,
                 "moneda": "EUR", "fecha_compra": "2024-02-29", "notas": "%s",
                 "especificaciones": {"cpu": "Intel i7", "ram": "16GB"}}""".formatted(categoria, serie, notas));
        assertThat(Api.status(result)).as(Api.body(result)).isEqualTo(201);
        return JsonMapper.builder()
                .build()
                .readTree(Api.body(result))
                .get("codigo")
                .asString();
    }

    long mantenimiento(TestUser tecnico, String codigo, String fecha) {
        long id = jdbc.sql("SELECT id FROM activos WHERE codigo = ?")
                .param(codigo)
                .query(Long.class)
                .single();
        var result = new Api(mvc, tecnico).post("/api/mantenimientos", """
                {"activo_id": %d, "tipo": "preventivo", "titulo": "Revisión trimestral del equipo",
                 "fecha_programada": "%s"}""".formatted(id, fecha));
        assertThat(Api.status(result)).as(Api.body(result)).isEqualTo(201);
        return JsonMapper.builder().build().readTree(Api.body(result)).get("id").asLong();
    }

    String estado(long mantenimiento) {
        return jdbc.sql("SELECT estado FROM mantenimientos WHERE id = ?")
                .param(mantenimiento)
                .query(String.class)
                .single();
    }

    /** An inventory of several categories, áreas and estados, so charts hold several bars and screenshots look real. */
    void inventario() {
        org.inventarioti.support.Filas filas = new org.inventarioti.support.Filas(jdbc);
        List<Long> categorias = jdbc.sql("""
                        SELECT id FROM categorias WHERE nombre IN ('Laptop', 'PC de Escritorio', 'Servidor', 'Switch',
                                                                   'Monitor', 'Impresora', 'Teléfono') ORDER BY id""").query(Long.class).list();
        String[] areas = {
            "Sistemas",
            "Finanzas",
            "Recursos humanos",
            "Dirección",
            "Almacén central",
            "Atención al cliente",
            "Logística"
        };
        String[] estados = {"Activo", "Activo", "Activo", "En almacén", "En reparación", "Dado de baja"};
        for (int i = 0; i < 40; i++) {
            filas.activo(
                    categorias.get(i % categorias.size()),
                    "Equipo " + (i + 1),
                    estados[i % estados.length],
                    areas[(i * 3) % areas.length],
                    java.math.BigDecimal.valueOf(350 + 97L * i),
                    "EUR");
        }
    }

    static boolean visible(Navegador nav, String id) {
        return nav.driver().findElement(By.id(id)).isDisplayed();
    }

    static void esperar(Navegador nav, String ruta, String id) {
        nav.ir(ruta);
        nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    static long numero(Navegador nav, String js) {
        return ((Number) ((JavascriptExecutor) nav.driver()).executeScript("return " + js)).longValue();
    }

    /** Widths at which the page is wider than the viewport, with its scroll width. */
    static List<String> desbordes(Navegador nav, String ruta, String nombre) throws Exception {
        List<String> fallos = new ArrayList<>();
        for (int ancho : ANCHOS) {
            nav.tamano(ancho, 900);
            nav.ir(ruta);
            nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
            long scroll = numero(nav, "document.documentElement.scrollWidth");
            long vista = numero(nav, "window.innerWidth");
            if (scroll > vista) {
                fallos.add(ruta + " at " + ancho + " px: scrollWidth " + scroll + " > " + vista + ": "
                        + ((JavascriptExecutor) nav.driver()).executeScript(ANCHOS_DE_MAS));
            }
            if (ruta.startsWith("/?") || ruta.equals("/")) {
                Object cortadas = ((JavascriptExecutor) nav.driver()).executeScript(CORTADAS);
                if (!"".equals(cortadas)) {
                    fallos.add(ruta + " at " + ancho + " px: tables cut: " + cortadas);
                }
                nav.espera().until(d -> (Boolean) ((JavascriptExecutor) d)
                        .executeScript("return !!(window.Chart && Chart.getChart("
                                + "document.getElementById('grafico-area')))"));
                Object sinEtiquetas = ((JavascriptExecutor) nav.driver()).executeScript(SIN_ETIQUETAS);
                if (!"".equals(sinEtiquetas)) {
                    fallos.add(ruta + " at " + ancho + " px: bars without their label: " + sinEtiquetas);
                }
            }
            for (int c : CAPTURAS) {
                if (c == ancho) {
                    nav.captura("diseno-" + nombre + "-" + ancho);
                }
            }
        }
        return fallos;
    }

    @Test
    void noMainPageScrollsSidewaysAtAnyWidth() throws Exception {
        TestUser tecnico = users.create(Rol.TECNICO);
        String palabra = "x".repeat(300);
        String codigo = activo(tecnico, "Antes " + palabra + " después");
        mantenimiento(tecnico, codigo, java.time.LocalDate.now().plusDays(2).toString());
        long vencido = mantenimiento(
                tecnico, codigo, java.time.LocalDate.now().minusDays(3).toString());
        inventario();
        try (Navegador nav = Navegador.abrir("http://127.0.0.1:" + port)) {
            NavegadorTest.entrar(nav, tecnico.email(), TestUsers.PASSWORD);
            nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.id("panel-cifras")));
            List<String> fallos = new ArrayList<>();
            fallos.addAll(desbordes(nav, "/", "panel"));
            fallos.addAll(desbordes(nav, "/activos", "activos"));
            fallos.addAll(desbordes(nav, "/activos/" + codigo, "activo"));
            fallos.addAll(desbordes(nav, "/mantenimientos", "mantenimientos"));
            fallos.addAll(desbordes(nav, "/activos/" + codigo + "/editar", "activo-formulario"));
            // The price as the page writes it stays in its box (a number box showed it empty, and saving cleared it).
            assertThat(((JavascriptExecutor) nav.driver())
                            .executeScript("return document.getElementById('precio').value"))
                    .isEqualTo("1234567,89");
            fallos.addAll(desbordes(nav, "/reportes/detalle", "reportes"));
            fallos.addAll(desbordes(nav, "/?lang=en", "panel-en"));
            fallos.addAll(desbordes(nav, "/activos?lang=en", "activos-en"));
            assertThat(fallos).isEmpty();

            // A phone: cards with code, name, estado and actions; the filters fold away.
            nav.tamano(390, 860);
            esperar(nav, "/activos?lang=es&q=" + codigo, "tarjetas-activos");
            assertThat(visible(nav, "tarjetas-activos")).isTrue();
            assertThat(visible(nav, "tabla-activos")).isFalse();
            assertThat(visible(nav, "filtros-activos")).isFalse();
            String tarjeta =
                    nav.driver().findElement(By.id("tarjeta-" + codigo)).getText();
            assertThat(tarjeta).contains(codigo, "Portátil de diseño", "Activo", "Ver", "Editar");
            NavegadorMantenimientosTest.pulsar(nav, "mostrar-filtros");
            nav.espera().until(ExpectedConditions.visibilityOfElementLocated(By.id("filtro-q")));
            nav.captura("diseno-activos-filtros-390");

            // "Back to the list" keeps the list's filters.
            var enlace = nav.driver().findElement(By.cssSelector("#tarjeta-" + codigo + " a"));
            ((JavascriptExecutor) nav.driver())
                    .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", enlace);
            nav.espera().until(ExpectedConditions.elementToBeClickable(enlace));
            // the link's own click: at 390 px with the filters open, a pointer click at its centre can
            // land on the sticky top bar instead (seen on CI); what is tested here is where it leads
            ((JavascriptExecutor) nav.driver()).executeScript("arguments[0].click()", enlace);
            nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.id("activo-codigo")));
            assertThat(nav.driver().findElement(By.id("volver-lista")).getAttribute("href"))
                    .endsWith("/activos?lang=es&q=" + codigo);

            esperar(nav, "/mantenimientos?activo=" + codigo, "tarjetas-mantenimientos");
            assertThat(visible(nav, "tarjetas-mantenimientos")).isTrue();
            assertThat(visible(nav, "tabla-lista-mantenimientos")).isFalse();
            assertThat(visible(nav, "filtros-mantenimientos")).isFalse();
            assertThat(nav.driver()
                            .findElement(By.id("tarjeta-mantenimiento-" + vencido))
                            .getText())
                    .contains(codigo, "Revisión trimestral del equipo", "Programado", "Vencido", "Cancelar");

            // Cancelling asks first, naming the record; saying no changes nothing.
            NavegadorMantenimientosTest.pulsar(nav, "tarjeta-cancelar-" + vencido);
            var alerta = nav.espera().until(ExpectedConditions.alertIsPresent());
            assertThat(alerta.getText())
                    .isEqualTo("¿Cancelar el mantenimiento «Revisión trimestral del equipo» del activo " + codigo
                            + "? No se puede reabrir.");
            alerta.dismiss();
            assertThat(estado(vencido)).isEqualTo("programado");
            esperar(nav, "/mantenimientos/" + vencido + "?lang=en", "accion-cancelar");
            NavegadorMantenimientosTest.pulsar(nav, "accion-cancelar");
            alerta = nav.espera().until(ExpectedConditions.alertIsPresent());
            assertThat(alerta.getText())
                    .isEqualTo("Cancel the maintenance “Revisión trimestral del equipo” of asset " + codigo
                            + "? It cannot be reopened.");
            alerta.accept();
            nav.espera().until(ExpectedConditions.textToBe(By.id("estado-mantenimiento"), "Cancelled"));
            assertThat(estado(vencido)).isEqualTo("cancelado");

            // Back on a desktop: the table and the filters, no cards.
            nav.tamano(1366, 900);
            esperar(nav, "/activos?lang=es", "tabla-activos");
            assertThat(visible(nav, "tabla-activos")).isTrue();
            assertThat(visible(nav, "tarjetas-activos")).isFalse();
            assertThat(visible(nav, "filtros-activos")).isTrue();
        }
    }
}
