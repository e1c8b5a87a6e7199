package org.inventarioti.activos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.inventarioti.categorias.Categoria;
import org.inventarioti.categorias.CategoriaService;
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
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

/** The asset list and the asset's page, per role, as page and htmx fragment. */
@InventarioTest
class ActivoWebControllerTest {

    static final String XSS = "<script>alert('x')</script><b>negrita</b>";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    ActivoService activos;

    @Autowired
    CategoriaService categorias;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    TestUser lector;
    TestUser tecnico;
    TestUser admin;
    Categoria categoria;

    @BeforeEach
    void datos() {
        lector = users.create(Rol.LECTOR);
        tecnico = users.create(Rol.TECNICO);
        admin = users.create(Rol.ADMIN);
        categoria = DatosWeb.categoria(categorias, json);
    }

    static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    MvcTestResult get(String uri, TestUser user) {
        return mvc.get().uri(uri).with(Sesiones.de(user)).exchange();
    }

    Activo activo(String nombre, String specs) {
        return DatosWeb.activo(activos, json, categoria.id(), nombre, specs);
    }

    @Test
    void anonymousVisitorsAreSentToTheLogin() {
        Activo a = activo("Anónimo", "{\"cpu\": \"i5\", \"ram_gb\": 8}");
        for (String uri : List.of("/activos", "/activos/" + a.codigo(), "/activos/nuevo")) {
            assertThat(mvc.get().uri(uri)).hasStatus(302).redirectedUrl().endsWith("/login");
        }
    }

    @Test
    void aReaderReadsButSeesNoEditControlsAndIsRefusedThem() throws Exception {
        Activo a = activo("Solo lectura", "{\"cpu\": \"i5\", \"ram_gb\": 8}");
        String lista = body(get("/activos?categoria_id=" + categoria.id(), lector));
        assertThat(lista)
                .contains(a.codigo(), "Solo lectura", "id=\"nav-activos\"")
                .doesNotContain("nuevo-activo");
        MvcTestResult detalle = get("/activos/" + a.codigo(), lector);
        assertThat(detalle).hasStatusOk();
        assertThat(body(detalle))
                .contains("Solo lectura", "id=\"qr-activo\"")
                .doesNotContain("editar-activo", "eliminar-activo", "programar-mantenimiento");
        assertThat(get("/activos/nuevo", lector)).hasStatus(403);
        assertThat(get("/activos/" + a.codigo() + "/editar", lector)).hasStatus(403);
        assertThat(get("/activos/" + a.codigo() + "/eliminar", lector)).hasStatus(403);
        for (String uri : List.of("/activos", "/activos/" + a.codigo(), "/activos/" + a.codigo() + "/eliminar")) {
            assertThat(mvc.post()
                            .uri(uri)
                            .param("nombre", "Cambiado")
                            .param("version", "0")
                            .with(csrf())
                            .with(Sesiones.de(lector)))
                    .hasStatus(403);
        }
        assertThat(activos.buscar(a.id()).nombre()).isEqualTo("Solo lectura");
    }

    @Test
    void technicansEditAndOnlyAdministratorsDelete() throws Exception {
        Activo a = activo("Editable", "{\"cpu\": \"i5\", \"ram_gb\": 8}");
        assertThat(body(get("/activos/" + a.codigo(), tecnico)))
                .contains("editar-activo", "programar-mantenimiento", "/mantenimientos/nuevo?activo=" + a.id())
                .doesNotContain("eliminar-activo");
        assertThat(body(get("/activos", tecnico))).contains("id=\"nuevo-activo\"");
        assertThat(get("/activos/" + a.codigo() + "/eliminar", tecnico)).hasStatus(403);
        assertThat(mvc.post()
                        .uri("/activos/" + a.codigo() + "/eliminar")
                        .param("version", String.valueOf(a.version()))
                        .with(csrf())
                        .with(Sesiones.de(tecnico)))
                .hasStatus(403);
        assertThat(activos.existe(a.id())).isTrue();
        assertThat(body(get("/activos/" + a.codigo(), admin))).contains("eliminar-activo");
    }

    @Test
    void anAdministratorDeletesAfterConfirmingTheVersionSeen() throws Exception {
        Activo a = activo("Para borrar", "{\"cpu\": \"i5\", \"ram_gb\": 8}");
        new Filas(jdbc).mantenimiento(a.id(), "Limpieza", "programado", LocalDate.now());
        assertThat(body(get("/activos/" + a.codigo() + "/eliminar", admin)))
                .contains("Eliminar " + a.codigo(), "Para borrar", "También se eliminarán sus 1 mantenimientos.");
        activos.modificar(
                a.id(),
                (tools.jackson.databind.node.ObjectNode) json.readTree("{\"area\": \"Otra\"}"),
                "\"" + a.version() + "\"");
        MvcTestResult viejo = mvc.post()
                .uri("/activos/" + a.codigo() + "/eliminar")
                .param("version", String.valueOf(a.version()))
                .with(csrf())
                .with(Sesiones.de(admin))
                .exchange();
        assertThat(viejo).hasStatus(409);
        assertThat(body(viejo)).contains("id=\"eliminar-cambiado\"", "confirme otra vez");
        assertThat(activos.existe(a.id())).isTrue();
        assertThat(mvc.post()
                        .uri("/activos/" + a.codigo() + "/eliminar")
                        .param("version", String.valueOf(a.version() + 1))
                        .with(csrf())
                        .with(Sesiones.de(admin)))
                .hasStatus(302)
                .hasRedirectedUrl("/activos");
        assertThat(activos.existe(a.id())).isFalse();
        assertThat(mvc.post().uri("/activos/" + a.codigo() + "/eliminar").with(Sesiones.de(admin)))
                .as("without the CSRF token")
                .hasStatus(403);
    }

    @Test
    void theListFiltersByTextCategorySpecAndAnswersHtmxWithTheFragment() throws Exception {
        String marca = DatosWeb.unico("Marca");
        Activo dieciseis = activo(marca + " dieciséis", "{\"cpu\": \"i7\", \"ram_gb\": 16, \"sistema\": \"macOS\"}");
        Activo ocho = activo(marca + " ocho", "{\"cpu\": \"i5\", \"ram_gb\": 8}");
        String texto = body(get("/activos?q=" + marca, lector));
        assertThat(texto).contains(dieciseis.codigo(), ocho.codigo(), "2 activos");
        MvcTestResult spec = mvc.get()
                .uri("/activos?q=" + marca + "&spec.ram_gb=16")
                .header("HX-Request", "true")
                .with(Sesiones.de(lector))
                .exchange();
        assertThat(spec).hasStatusOk().hasHeader("Vary", "HX-Request");
        assertThat(body(spec))
                .contains("id=\"resultados\"", dieciseis.codigo())
                .doesNotContain(ocho.codigo(), "<html", "filtros-activos\" role");
        assertThat(body(get(
                        "/activos?categoria_id=" + categoria.id() + "&spec_clave=sistema&spec_valor=macOS", lector)))
                .contains(dieciseis.codigo(), "value=\"sistema\"", "value=\"macOS\"")
                .doesNotContain(ocho.codigo());
        String enlaces = body(get("/activos?q=" + marca + "&spec.ram_gb=8&sort=nombre,desc", lector));
        assertThat(enlaces).contains(ocho.codigo()).doesNotContain(dieciseis.codigo());
        assertThat(enlaces).contains("spec.ram_gb=8");
    }

    @Test
    void sortsByColumnAndPagesForwardAndBackByCursor() throws Exception {
        String marca = DatosWeb.unico("Orden");
        for (String letra : List.of("A", "B", "C", "D", "E")) {
            activo(marca + " " + letra, "{\"cpu\": \"x\", \"ram_gb\": 4}");
        }
        String desc = body(get("/activos?q=" + marca + "&sort=nombre,desc", lector));
        assertThat(desc.indexOf(marca + " E")).isLessThan(desc.indexOf(marca + " A"));
        assertThat(desc).contains("aria-sort=\"descending\"");
        String uno = body(get("/activos?q=" + marca + "&sort=nombre&size=2", lector));
        assertThat(uno).contains(marca + " A", marca + " B").doesNotContain(marca + " C");
        assertThat(uno).contains("página 1 de 3");
        String siguiente = enlace(uno, "pagina-siguiente");
        assertThat(siguiente).contains("after=", "n=2");
        String dos = body(get(siguiente, lector));
        assertThat(dos).contains(marca + " C", marca + " D", "página 2 de 3").doesNotContain(marca + " B<");
        String tres = body(get(enlace(dos, "pagina-siguiente"), lector));
        assertThat(tres).contains(marca + " E", "página 3 de 3").doesNotContain("id=\"pagina-siguiente\"");
        String atras = enlace(tres, "pagina-anterior");
        assertThat(atras).contains("after=", "n=2");
        assertThat(body(get(atras, lector))).contains(marca + " C", marca + " D");
        String porNumero = body(get("/activos?q=" + marca + "&sort=nombre&size=2&page=3", lector));
        assertThat(porNumero).contains(marca + " E", "página 3 de 3");
        assertThat(enlace(porNumero, "pagina-anterior")).contains("page=2");
    }

    @Test
    void theColumnChoiceIsRememberedInACookie() throws Exception {
        Activo a = activo("Columnas", "{\"cpu\": \"x\", \"ram_gb\": 4}");
        MvcTestResult elegir = mvc.get()
                .uri("/activos?q=" + a.codigo() + "&columnas=marca&columnas=precio")
                .header("HX-Request", "true")
                .with(Sesiones.de(lector))
                .exchange();
        assertThat(elegir).hasStatusOk();
        Cookie cookie = elegir.getResponse().getCookie("INVENTARIO_ACTIVOS_COLUMNAS");
        assertThat(cookie).isNotNull();
        assertThat(cookie.getValue()).isEqualTo("codigo-marca-precio");
        assertThat(body(elegir)).contains("id=\"col-marca\"", "Dell").doesNotContain("id=\"col-area\"");
        String recordado = body(mvc.get()
                .uri("/activos?q=" + a.codigo())
                .cookie(new Cookie("INVENTARIO_ACTIVOS_COLUMNAS", cookie.getValue()))
                .with(Sesiones.de(lector))
                .exchange());
        assertThat(recordado).contains("id=\"col-marca\"", "id=\"col-precio\"").doesNotContain("id=\"col-area\"");
        assertThat(body(get("/activos?q=" + a.codigo(), lector))).contains("id=\"col-area\"");
    }

    @Test
    void aBadFilterIsExplainedWithA400() throws Exception {
        MvcTestResult result = get("/activos?fecha_compra_desde=ayer", lector);
        assertThat(result).hasStatus(400);
        assertThat(body(result))
                .contains("id=\"error-filtro\"", "el filtro «Comprado desde» no admite el valor que tiene")
                .doesNotContain("Query parameter", "must be");
        assertThat(body(get("/activos?estado=Roto&lang=en", lector)))
                .contains("the filter “Status” does not take the value it has")
                .doesNotContain("must be one of");
        assertThat(get("/activos?desconocido=1", lector)).hasStatus(400);
        MvcTestResult htmx = mvc.get()
                .uri("/activos?spec_clave={k}&spec_valor=x", "!!")
                .header("HX-Request", "true")
                .with(Sesiones.de(lector))
                .exchange();
        assertThat(htmx).as("htmx swaps only 2xx answers").hasStatusOk();
        assertThat(body(htmx)).contains("id=\"error-filtro\"", "spec.!!");
    }

    @Test
    void theAssetPageShowsSpecsByTheSchemaHistoryMaintenanceAndQr() throws Exception {
        Activo a = activo(
                "Detallado",
                "{\"cpu\": \"i7\", \"ram_gb\": 32, \"tactil\": true, \"pantalla\": 14.5, \"color\": \"gris\"}");
        activos.modificar(
                a.id(),
                (tools.jackson.databind.node.ObjectNode) json.readTree("{\"nombre\": \"Detallado 2\"}"),
                "\"" + a.version() + "\"");
        new Filas(jdbc)
                .mantenimiento(
                        a.id(),
                        "Cambio de batería",
                        "programado",
                        LocalDate.now().minusDays(3));
        String detalle = body(get("/activos/" + a.codigo(), lector));
        assertThat(detalle)
                .contains("Procesador", "i7", "Memoria", "32", "GB", "Pantalla", "14.5", "pulgadas", "Táctil", "Sí")
                .contains("color", "gris", "fuera del esquema")
                .contains("Cambio de batería", "Vencido")
                .contains("Historial de cambios", "<span>Detallado</span>", "<span>Detallado 2</span>")
                .contains("src=\"/etiquetas/" + a.codigo() + ".svg\"")
                .contains("Las claves de recuperación nunca se guardan");
        assertThat(get(org.inventarioti.etiquetas.EtiquetaService.url("", a.codigo()), lector))
                .as("the URL the QR label carries")
                .hasStatusOk();
        assertThat(get("/activos/" + a.codigo().toLowerCase(), lector))
                .hasStatus(302)
                .hasRedirectedUrl("/activos/" + a.codigo());
        assertThat(get("/activos/" + a.id(), lector)).hasStatus(302).hasRedirectedUrl("/activos/" + a.codigo());
        assertThat(get("/activos/TI-NOEXISTE", lector)).hasStatus(404);
    }

    @Test
    void textsAndSpecKeysAndValuesAreShownAsTextNeverAsMarkup() throws Exception {
        String specs = json.writeValueAsString(java.util.Map.of("cpu", XSS, "ram_gb", 4, "nota_libre", XSS));
        Activo a = DatosWeb.activo(activos, json, categoria.id(), XSS, specs);
        jdbc.sql("UPDATE activos SET especificaciones = especificaciones || jsonb_build_object(?, 'v') WHERE id = ?")
                .params("<img src=x onerror=alert(1)>", a.id())
                .update();
        for (String uri : List.of("/activos/" + a.codigo(), "/activos?q=" + a.codigo())) {
            String html = body(get(uri, lector));
            assertThat(html)
                    .doesNotContain(XSS, "<img src=x")
                    .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        }
        assertThat(body(get("/activos/" + a.codigo(), lector))).contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void thePagesSpeakEnglishOnRequest() throws Exception {
        Activo a = activo("English", "{\"cpu\": \"i5\", \"ram_gb\": 8, \"tactil\": false}");
        assertThat(body(get("/activos?lang=en&q=" + a.codigo(), tecnico)))
                .contains("<h1 class=\"h3 mb-0\">Assets</h1>", "1 assets · page 1 of 1", "New asset", "Serial number");
        assertThat(body(get("/activos/" + a.codigo() + "?lang=en", tecnico)))
                .contains("Specifications", "Memoria", ">No<", "Change history", "Schedule maintenance")
                .contains("Recovery keys are never stored");
        assertThat(body(get("/activos/" + a.codigo() + "/editar?lang=en", tecnico)))
                .contains("Edit " + a.codigo(), "(required)", "Other specifications");
    }

    static String enlace(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*?href=\"([^\"]+)\"|href=\"([^\"]+)\"[^>]*?id=\"" + id + "\"")
                .matcher(html);
        assertThat(m.find()).as("link " + id).isTrue();
        String href = m.group(1) != null ? m.group(1) : m.group(2);
        return href.replace("&amp;", "&");
    }
}
