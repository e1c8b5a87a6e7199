package org.inventarioti.reportes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/** Issue 13: every dashboard figure leads to the list it counts, which shows the same number, in the page's language. */
@InventarioTest
class PanelEnlacesTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReporteService service;

    @Test
    void aCategoryRowLinksToItsAssetsAndBothSay1200AsTheLanguageWritesIt() {
        Filas filas = new Filas(jdbc);
        String nombre = Filas.unico("Cat mil");
        long categoria = filas.categoria(nombre);
        jdbc.sql("""
                        INSERT INTO activos (codigo, categoria_id, nombre, numero_serie, estado)
                        SELECT c, ?, 'Mil ' || g, 'SN-' || c, 'Activo'
                        FROM generate_series(1, 1200) g, LATERAL (SELECT 'M' || upper(substr(md5(random()::text || g), 1, 12)) c) x""").param(categoria).update();
        RequestPostProcessor sesion = Sesiones.de(users.create(Rol.LECTOR));

        String es = pagina("/", sesion);
        String enlace = "/activos?categoria_id=" + categoria;
        assertThat(es.replaceAll("\\s+", " "))
                .contains("<a href=\"" + enlace + "\">" + nombre + "</a></td> <td class=\"text-end cifra\">1.200</td>");
        String en = pagina("/?lang=en", sesion);
        assertThat(en.replaceAll("\\s+", " "))
                .contains("<a href=\"" + enlace + "\">" + nombre + "</a></td> <td class=\"text-end cifra\">1,200</td>");

        assertThat(pagina(enlace + "&lang=es", sesion)).contains("1.200 activos");
        assertThat(pagina(enlace + "&lang=en", sesion)).contains("1,200 assets");
    }

    @Test
    void anAreaIsCountedAsTheListFiltersItWhateverItsCase() {
        Filas filas = new Filas(jdbc);
        long categoria = filas.categoria(Filas.unico("Cat area"));
        String area = Filas.unico("Sala Norte");
        filas.activo(categoria, "A", "Activo", area, null, null);
        filas.activo(categoria, "B", "Activo", area, null, null);
        filas.activo(categoria, "C", "En almacén", area.toLowerCase(), null, null);
        RequestPostProcessor sesion = Sesiones.de(users.create(Rol.TECNICO));

        String panel = pagina("/", sesion).replaceAll("\\s+", " ");
        String enlace = "/activos?area=" + area.replace(" ", "%20");
        assertThat(panel)
                .contains("<a href=\"" + enlace + "\">" + area + "</a></td> <td class=\"text-end cifra\">3</td>");
        assertThat(panel).doesNotContain(">" + area.toLowerCase() + "</a>");
        assertThat(pagina(enlace, sesion)).contains("3 activos");
    }

    @Test
    void theCardsLinkToListsThatShowTheirNumbers() {
        Filas filas = new Filas(jdbc);
        long categoria = filas.categoria(Filas.unico("Cat tarjetas"));
        LocalDate hoy = LocalDate.now();
        Filas.Activo activo = filas.activo(categoria, "Garantía", "Activo", null, null, null, null, hoy);
        filas.activo(categoria, "Garantía límite", "En reparación", null, null, null, null, hoy.plusDays(30));
        filas.activo(categoria, "Garantía pasada", "Activo", null, null, null, null, hoy.plusDays(31));
        filas.activo(categoria, "De baja", "Dado de baja", null, null, null, null, hoy.plusDays(3));
        filas.mantenimiento(activo.id(), "Vencido", "programado", hoy.minusDays(2));
        filas.mantenimiento(activo.id(), "Hoy", "programado", hoy);
        RequestPostProcessor sesion = Sesiones.de(users.create(Rol.LECTOR));

        String panel = HtmlUtils.htmlUnescape(pagina("/", sesion));
        Panel cifras = service.panel();
        assertThat(enlaceDe(panel, "enlace-total")).isEqualTo("/activos");
        assertThat(pagina(enlaceDe(panel, "enlace-total"), sesion)).contains(es(cifras.totalActivos()) + " activos");
        assertThat(panel).contains("id=\"cifra-total\">" + es(cifras.totalActivos()) + "<");
        assertThat(cifras.garantiasPorVencer()).isGreaterThanOrEqualTo(2);
        assertThat(pagina(enlaceDe(panel, "enlace-garantias"), sesion))
                .contains(es(cifras.garantiasPorVencer()) + " activos");
        assertThat(pagina(enlaceDe(panel, "enlace-vencidos"), sesion))
                .contains("Mantenimientos que cumplen los filtros: " + es(cifras.mantenimientosVencidos()) + ".");
        assertThat(pagina(enlaceDe(panel, "enlace-semana"), sesion))
                .contains("Mantenimientos que cumplen los filtros: " + es(cifras.mantenimientosSemana()) + ".");
        assertThat(panel).contains("href=\"/mantenimientos?cola=vencidos\"", "href=\"/reportes\"");
    }

    @Test
    void recentChangesLinkToTheirRecordAndOnlyAdministratorsToTheAuditLog() {
        Filas filas = new Filas(jdbc);
        long categoria = filas.categoria(Filas.unico("Cat cambios"));
        Filas.Activo activo = filas.activo(categoria, "Cambiado", "Activo", null, null, null);
        jdbc.sql("""
                        INSERT INTO auditoria (actor_email, accion, entidad, entidad_id, despues)
                        VALUES ('x@example.org', 'actualizar', 'activo', ?, jsonb_build_object('codigo', ?::text))""").params(String.valueOf(activo.id()), activo.codigo()).update();
        String lector = pagina("/", Sesiones.de(users.create(Rol.LECTOR)));
        assertThat(lector).contains("href=\"/activos/" + activo.codigo() + "\">" + activo.codigo() + "</a>");
        assertThat(lector).doesNotContain("href=\"/auditoria\"");
        assertThat(pagina("/", Sesiones.de(users.create(Rol.ADMIN)))).contains("href=\"/auditoria\"");
    }

    /** Follows a link as a browser would: its query parameters decoded. */
    private String pagina(String enlace, RequestPostProcessor sesion) {
        var uri = UriComponentsBuilder.fromUriString(enlace).build();
        var peticion = mvc.get().uri(uri.getPath()).with(sesion);
        uri.getQueryParams()
                .forEach((nombre, valores) ->
                        valores.forEach(v -> peticion.param(nombre, UriUtils.decode(v, StandardCharsets.UTF_8))));
        try {
            return peticion.exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String es(long n) {
        return java.text.NumberFormat.getIntegerInstance(java.util.Locale.forLanguageTag("es"))
                .format(n);
    }

    private static String enlaceDe(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"\\s+href=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as(id).isTrue();
        return m.group(1);
    }
}
