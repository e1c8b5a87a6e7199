package org.inventarioti.activos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.inventarioti.categorias.Categoria;
import org.inventarioti.categorias.CategoriaService;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Creating and editing assets in the browser: generated spec fields, server errors inline, conflicts. */
@InventarioTest
class ActivoFormularioControllerTest {

    static final String XSS = "<script>alert('x')</script>";
    static final String RECOVERY = "123456-123456-123456-123456-123456-123456-123456-123456";

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

    TestUser tecnico;
    Categoria categoria;

    @BeforeEach
    void datos() {
        tecnico = users.create(Rol.TECNICO);
        categoria = DatosWeb.categoria(categorias, json);
    }

    static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    MockHttpServletRequestBuilder nuevo(String serie, Map<String, String> cambios) {
        Map<String, String> campos = new java.util.LinkedHashMap<>();
        campos.put("categoria_id", String.valueOf(categoria.id()));
        campos.put("nombre", "Portátil de " + serie);
        campos.put("numero_serie", serie);
        campos.put("estado", "Activo");
        campos.put("bitlocker", "enabled");
        campos.put("precio", "1200.50");
        campos.put("moneda", "eur");
        campos.put("fecha_compra", "2025-01-15");
        campos.put("especificaciones.cpu", "Intel i7");
        campos.put("especificaciones.ram_gb", "16");
        campos.put("especificaciones.tactil", "true");
        campos.put("especificaciones.sistema", "Ubuntu 24.04");
        campos.put("especificaciones.pantalla", "");
        campos.putAll(cambios);
        MockHttpServletRequestBuilder post =
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/activos");
        campos.forEach(post::param);
        return post.param("extra_clave", "color", "")
                .param("extra_valor", "gris", "")
                .with(csrf())
                .with(Sesiones.de(tecnico));
    }

    Long idPorSerie(String serie) {
        return jdbc.sql("SELECT id FROM activos WHERE numero_serie = ?")
                .param(serie)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    @Test
    void theFormGeneratesTheSpecFieldsOfTheCategorySchema() throws Exception {
        String html = body(mvc.get()
                .uri("/activos/nuevo?categoria_id=" + categoria.id())
                .with(Sesiones.de(tecnico))
                .exchange());
        assertThat(html)
                .contains("id=\"esp-cpu\"", "name=\"especificaciones.cpu\"", "Procesador")
                .contains("Memoria", "(GB)", "type=\"number\"", "step=\"1\"", "min=\"1\"")
                .contains("Pantalla", "(pulgadas)", "step=\"any\"")
                .contains("<select class=\"form-select\" id=\"esp-tactil\"", ">Sí<")
                .contains("id=\"esp-sistema\"", "<option value=\"Ubuntu 24.04\">Ubuntu 24.04</option>")
                .contains("Etiqueta del fabricante", "Service tag")
                .contains("Las claves de recuperación nunca se guardan")
                .contains("hx-get=\"/activos/especificaciones\"");
        int requeridos = html.split("\\(obligatorio\\)", -1).length - 1;
        assertThat(requeridos).as("nombre, serie, categoría, cpu, ram_gb").isEqualTo(5);
        assertThat(body(mvc.get()
                        .uri("/activos/nuevo")
                        .with(Sesiones.de(tecnico))
                        .exchange()))
                .contains("id=\"esp-sin-categoria\"")
                .doesNotContain("id=\"esp-cpu\"");
    }

    @Test
    void changingTheCategoryReRendersTheSpecFieldsKeepingTypedValues() throws Exception {
        MvcTestResult fragment = mvc.get()
                .uri("/activos/especificaciones?categoria_id=" + categoria.id()
                        + "&especificaciones.cpu=AMD&extra_clave=color&extra_valor=rojo")
                .header("HX-Request", "true")
                .with(Sesiones.de(tecnico))
                .exchange();
        assertThat(fragment).hasStatusOk();
        assertThat(body(fragment))
                .startsWith("<fieldset id=\"especificaciones\"")
                .contains("value=\"AMD\"", "value=\"color\"", "value=\"rojo\"", "id=\"esp-ram_gb\"")
                .doesNotContain("<html");
        long laptop = jdbc.sql("SELECT id FROM categorias WHERE nombre = 'YubiKey'")
                .query(Long.class)
                .single();
        assertThat(body(mvc.get()
                        .uri("/activos/especificaciones?categoria_id=" + laptop)
                        .header("HX-Request", "true")
                        .with(Sesiones.de(tecnico))
                        .exchange()))
                .contains("id=\"esp-gid\"")
                .doesNotContain("id=\"esp-cpu\"");
    }

    @Test
    void aTechnicianCreatesAnAssetWithTypedSpecs() throws Exception {
        String serie = DatosWeb.unico("SN-WEB");
        MvcTestResult result = mvc.perform(nuevo(serie, Map.of()));
        assertThat(result).hasStatus(302);
        Long id = idPorSerie(serie);
        assertThat(id).isNotNull();
        Activo creado = activos.buscar(id);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/activos/" + creado.codigo());
        JsonNode specs = creado.especificaciones();
        assertThat(specs.get("ram_gb").isIntegralNumber()).isTrue();
        assertThat(specs.get("ram_gb").intValue()).isEqualTo(16);
        assertThat(specs.get("tactil").isBoolean()).isTrue();
        assertThat(specs.get("sistema").asString()).isEqualTo("Ubuntu 24.04");
        assertThat(specs.get("color").asString()).isEqualTo("gris");
        assertThat(specs.has("pantalla")).isFalse();
        assertThat(creado.moneda()).isEqualTo("EUR");
        assertThat(creado.precio()).isEqualByComparingTo("1200.50");
        assertThat(creado.bitlocker()).isEqualTo("enabled");
        assertThat(result.getMvcResult().getFlashMap().get("aviso")).isEqualTo("activos.creado");
    }

    @Test
    void serverErrorsAreShownNextToTheirFieldsAndNothingIsSaved() throws Exception {
        String serie = DatosWeb.unico("SN-ERR");
        MvcTestResult sinRam =
                mvc.perform(nuevo(serie, Map.of("especificaciones.ram_gb", "", "nombre", XSS, "estado", "Roto")));
        assertThat(sinRam).hasStatus(422);
        String html = body(sinRam);
        assertThat(html)
                .contains("id=\"especificaciones.ram_gb-error\"")
                .containsPattern("id=\"especificaciones.ram_gb-error\"[^>]*>\\s*<span class=\"d-block\">Este campo es"
                        + " obligatorio.</span>")
                .containsPattern(
                        "id=\"estado-error\"[^>]*>\\s*<span class=\"d-block\">Debe ser uno de estos valores: Activo,")
                .contains("Revise los campos marcados.")
                .contains("value=\"Intel i7\"", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .doesNotContain(XSS);
        assertThat(idPorSerie(serie)).isNull();

        MvcTestResult texto = mvc.perform(nuevo(serie, Map.of("especificaciones.ram_gb", "dieciséis")));
        assertThat(texto).hasStatus(422);
        assertThat(body(texto))
                .containsPattern("id=\"especificaciones.ram_gb-error\"[^>]*>\\s*<span class=\"d-block\">\\S");
        assertThat(mvc.perform(nuevo(serie, Map.of("precio", "mucho", "fecha_compra", "ayer"))))
                .hasStatus(422)
                .bodyText()
                .contains("El valor no tiene el formato esperado.");
        assertThat(idPorSerie(serie)).isNull();
    }

    @Test
    void numbersAndDatesAreReadInThePagesLanguageAndEveryErrorComesAtOnce() throws Exception {
        String serie = DatosWeb.unico("SN-LOC");
        // A malformed date, a missing name and a missing required spec: all three on one round.
        MvcTestResult fallido = mvc.perform(nuevo(
                serie,
                Map.of("fecha_compra", "31/02/2025", "nombre", "", "especificaciones.ram_gb", "", "precio", "85,50")));
        assertThat(fallido).hasStatus(422);
        assertThat(body(fallido))
                .containsPattern("id=\"fecha_compra-error\"[^>]*>\\s*<span class=\"d-block\">El valor no tiene")
                .containsPattern("id=\"nombre-error\"[^>]*>\\s*<span class=\"d-block\">\\S")
                .containsPattern("id=\"especificaciones.ram_gb-error\"[^>]*>\\s*<span class=\"d-block\">\\S")
                .contains("value=\"31/02/2025\"", "value=\"85,50\"", "value=\"Intel i7\"");
        assertThat(idPorSerie(serie)).isNull();

        assertThat(mvc.perform(nuevo(serie, Map.of("fecha_compra", "15/01/2025", "precio", "1.285,50"))))
                .hasStatus(302);
        Activo creado = activos.buscar(idPorSerie(serie));
        assertThat(creado.precio()).isEqualByComparingTo("1285.50");
        assertThat(creado.fechaCompra()).isEqualTo(java.time.LocalDate.of(2025, 1, 15));
        assertThat(body(mvc.get()
                        .uri("/activos/" + creado.codigo() + "/editar")
                        .with(Sesiones.de(tecnico))
                        .exchange()))
                .contains("value=\"1285,50\"", "value=\"2025-01-15\"")
                // a text box: a number box shows nothing for 1285,50 and saving would clear the price
                .containsPattern("type=\"text\" inputmode=\"decimal\"\\s+class=\"form-control\" id=\"precio\"");
        String ingles = DatosWeb.unico("SN-LOC-EN");
        assertThat(mvc.perform(nuevo(ingles, Map.of("precio", "1,285.50", "fecha_compra", "1/15/2025"))
                        .param("lang", "en")))
                .hasStatus(302);
        Activo english = activos.buscar(idPorSerie(ingles));
        assertThat(english.precio()).isEqualByComparingTo("1285.50");
        assertThat(english.fechaCompra()).isEqualTo(java.time.LocalDate.of(2025, 1, 15));
    }

    @Test
    void schemaErrorsAreWordedInTheUsersLanguage() throws Exception {
        String serie = DatosWeb.unico("SN-ESQ");
        Map<String, String> malos = Map.of("especificaciones.ram_gb", "0", "especificaciones.sistema", "OS/2");

        MvcTestResult es = mvc.perform(nuevo(serie, malos));
        assertThat(es).hasStatus(422);
        assertThat(body(es))
                .containsPattern("id=\"especificaciones.ram_gb-error\"[^>]*>\\s*<span class=\"d-block\">Debe ser como"
                        + " mínimo 1.</span>")
                .containsPattern(
                        "id=\"especificaciones.sistema-error\"[^>]*>\\s*<span class=\"d-block\">Debe ser uno"
                                + " de estos valores: \\[&quot;Windows 11&quot;, &quot;Ubuntu 24.04&quot;, &quot;macOS&quot;\\].</span>");

        MvcTestResult en = mvc.perform(nuevo(serie, malos).param("lang", "en"));
        assertThat(en).hasStatus(422);
        assertThat(body(en))
                .contains("Must be at least 1.")
                .contains(
                        "Must be one of these values: [&quot;Windows 11&quot;, &quot;Ubuntu 24.04&quot;, &quot;macOS&quot;].");
        assertThat(idPorSerie(serie)).isNull();
    }

    @Test
    void secretsAreRefusedNamingTheKeyAndNeverEchoed() throws Exception {
        String serie = DatosWeb.unico("SN-SEC");
        MvcTestResult result = mvc.perform(nuevo(serie, Map.of())
                .param("extra_clave", "BitLocker Recovery Key")
                .param("extra_valor", "clave-muy-secreta-42")
                .param("notas", "Clave: " + RECOVERY));
        assertThat(result).hasStatus(422);
        String html = body(result);
        assertThat(html)
                .contains("Esta clave nombra un secreto", "Parece una clave de recuperación")
                .contains("value=\"BitLocker Recovery Key\"")
                .doesNotContain("clave-muy-secreta-42", RECOVERY);
        assertThat(idPorSerie(serie)).isNull();
        MvcTestResult malFormado = mvc.perform(nuevo(serie, Map.of("precio", "mucho", "notas", RECOVERY)));
        assertThat(malFormado).hasStatus(422);
        assertThat(body(malFormado)).doesNotContain(RECOVERY);
    }

    @Test
    void aDuplicateSerialNumberIsShownOnItsField() throws Exception {
        Activo existente =
                DatosWeb.activo(activos, json, categoria.id(), "Existente", "{\"cpu\": \"x\", \"ram_gb\": 2}");
        MvcTestResult result = mvc.perform(nuevo(" " + existente.numeroSerie().toLowerCase() + " ", Map.of()));
        assertThat(result).hasStatus(409);
        assertThat(body(result))
                .containsPattern("id=\"numero_serie-error\"[^>]*>\\s*<span class=\"d-block\">Ya existe");
    }

    @Test
    void editingKeepsExtraSpecsAndTheConflictScreenShowsBothVersions() throws Exception {
        Activo a = DatosWeb.activo(
                activos,
                json,
                categoria.id(),
                "Original",
                "{\"cpu\": \"i5\", \"ram_gb\": 8, \"red\": {\"mac\": \"aa\"}}");
        String form = body(mvc.get()
                .uri("/activos/" + a.codigo() + "/editar")
                .with(Sesiones.de(tecnico))
                .exchange());
        assertThat(form)
                .contains("name=\"version\" value=\"" + a.version() + "\"", "value=\"Original\"", "value=\"i5\"")
                .contains("value=\"red\"", "value=\"{&quot;mac&quot;:&quot;aa&quot;}\"");
        MvcTestResult guardado = mvc.perform(edicion(a, a.version(), "Renombrado"));
        assertThat(guardado).hasStatus(302).hasRedirectedUrl("/activos/" + a.codigo());
        Activo despues = activos.buscar(a.id());
        assertThat(despues.nombre()).isEqualTo("Renombrado");
        assertThat(despues.especificaciones().get("red"))
                .isEqualTo(a.especificaciones().get("red"));
        assertThat(despues.especificaciones().get("ram_gb").intValue()).isEqualTo(12);

        activos.modificar(
                a.id(),
                (ObjectNode) json.readTree("{\"area\": \"Cambiada por otro\"}"),
                "\"" + despues.version() + "\"");
        MvcTestResult conflicto = mvc.perform(edicion(a, despues.version(), "Mi nombre"));
        assertThat(conflicto).hasStatus(409);
        String html = body(conflicto);
        assertThat(html)
                .contains("id=\"conflicto\"", "Otra persona guardó este activo", "Su versión", "Guardado por")
                .contains("Cambiada por otro", "Mi nombre", "Distinto")
                .contains("name=\"version\" value=\"" + (despues.version() + 1) + "\"")
                .contains("id=\"recargar-actual\"", "Guardar mi versión");
        assertThat(activos.buscar(a.id()).nombre()).isEqualTo("Renombrado");
        assertThat(mvc.perform(edicion(a, despues.version() + 1, "Mi nombre"))).hasStatus(302);
        assertThat(activos.buscar(a.id()).nombre()).isEqualTo("Mi nombre");
    }

    MockHttpServletRequestBuilder edicion(Activo a, int version, String nombre) {
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/activos/" + a.codigo())
                .param("version", String.valueOf(version))
                .param("categoria_id", String.valueOf(a.categoriaId()))
                .param("nombre", nombre)
                .param("numero_serie", a.numeroSerie())
                .param("estado", a.estado())
                .param("bitlocker", a.bitlocker())
                .param("area", "Soporte")
                .param("especificaciones.cpu", "i5")
                .param("especificaciones.ram_gb", "12")
                .param("extra_clave", "red")
                .param("extra_valor", "{\"mac\":\"aa\"}")
                .with(csrf())
                .with(Sesiones.de(tecnico));
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        String serie = DatosWeb.unico("SN-CSRF");
        assertThat(mvc.post()
                        .uri("/activos")
                        .param("categoria_id", String.valueOf(categoria.id()))
                        .param("nombre", "Sin token")
                        .param("numero_serie", serie)
                        .with(Sesiones.de(tecnico)))
                .hasStatus(403);
        assertThat(idPorSerie(serie)).isNull();
    }
}
