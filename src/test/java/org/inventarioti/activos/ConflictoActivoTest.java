package org.inventarioti.activos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 13: the conflict screen shows, field by field, what the person loaded, what the other
 * person saved and the person's own value, and the form it shows again cannot silently undo the
 * other person's change.
 */
@InventarioTest
class ConflictoActivoTest {

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

    TestUser tecnico;
    Activo activo;

    @BeforeEach
    void datos() {
        tecnico = users.create(Rol.TECNICO);
        Categoria categoria = DatosWeb.categoria(categorias, json);
        activo = DatosWeb.activo(activos, json, categoria.id(), "Cargado", "{\"cpu\": \"i5\", \"ram_gb\": 8}");
    }

    @Test
    void eachSideKeepsWhatItChangedAndBothChangesAreMarked() throws Exception {
        String original = original(mvc.get()
                .uri("/activos/" + activo.codigo() + "/editar")
                .with(Sesiones.de(tecnico))
                .exchange());
        assertThat(original).contains("\"nombre\":\"Cargado\"", "\"area\":\"Soporte\"");
        Activo otro = activos.modificar(
                activo.id(),
                (ObjectNode)
                        json.readTree(
                                "{\"area\": \"Área del otro\", \"marca\": \"Marca del otro\", \"especificaciones\": {\"ram_gb\": 16}}"),
                "\"" + activo.version() + "\"");

        MvcTestResult conflicto = mvc.perform(edicion(activo.version(), original, "Mi nombre", "Soporte", "Mi marca")
                .param("especificaciones.cpu", "i7")
                .param("especificaciones.ram_gb", "8"));
        assertThat(conflicto).hasStatus(409);
        String html = HtmlUtils.htmlUnescape(body(conflicto)).replaceAll("\\s+", " ");
        assertThat(html)
                .contains("Lo que cargó", "Guardado por " + otro.updatedBy(), "Su versión", "Quién lo cambió")
                .containsPattern(fila("area", "Soporte", "Área del otro", "Soporte", otro.updatedBy()))
                .containsPattern(fila("nombre", "Cargado", "Cargado", "Mi nombre", "Usted"))
                .containsPattern(
                        fila("marca", "Dell", "Marca del otro", "Mi marca", "Los dos: se conserva lo suyo, decida"))
                .containsPattern(fila("especificaciones.ram_gb", "8", "16", "8", otro.updatedBy()))
                .containsPattern(fila("especificaciones.cpu", "i5", "i5", "i7", "Usted"))
                .contains("El formulario ya combina las dos versiones");
        // The form shown again: the other's change where only they changed, the person's own elsewhere.
        assertThat(html)
                .containsPattern("id=\"area\" name=\"area\"[^>]*value=\"Área del otro\"")
                .containsPattern("id=\"nombre\" name=\"nombre\"[^>]*value=\"Mi nombre\"")
                .containsPattern("id=\"marca\" name=\"marca\"[^>]*value=\"Mi marca\"")
                .contains("name=\"version\" value=\"" + otro.version() + "\"");
        String nuevoOriginal = original(conflicto);
        assertThat(nuevoOriginal).contains("\"area\":\"Área del otro\"", "\"especificaciones.ram_gb\":\"16\"");
        assertThat(activos.buscar(activo.id()).nombre()).isEqualTo("Cargado");

        // Saving the combined form keeps both people's changes.
        assertThat(mvc.perform(edicion(otro.version(), nuevoOriginal, "Mi nombre", "Área del otro", "Mi marca")
                        .param("especificaciones.cpu", "i7")
                        .param("especificaciones.ram_gb", "16")))
                .hasStatus(302);
        Activo guardado = activos.buscar(activo.id());
        assertThat(guardado.nombre()).isEqualTo("Mi nombre");
        assertThat(guardado.area()).isEqualTo("Área del otro");
        assertThat(guardado.marca()).isEqualTo("Mi marca");
        assertThat(guardado.especificaciones().get("ram_gb").intValue()).isEqualTo(16);
        assertThat(guardado.especificaciones().get("cpu").asString()).isEqualTo("i7");
    }

    @Test
    void theScreenSpeaksEnglishAndTheOriginalSurvivesAnError() throws Exception {
        String original = original(mvc.get()
                .uri("/activos/" + activo.codigo() + "/editar?lang=en")
                .with(Sesiones.de(tecnico))
                .exchange());
        // An error first: the form comes back with the same original.
        MvcTestResult error = mvc.perform(edicion(activo.version(), original, "", "Soporte", "Dell"));
        assertThat(error).hasStatus(422);
        assertThat(original(error)).isEqualTo(original);
        Activo otro = activos.modificar(
                activo.id(),
                (ObjectNode) json.readTree("{\"ubicacion\": \"Planta 3\"}"),
                "\"" + activo.version() + "\"");
        MvcTestResult conflicto = mvc.perform(
                edicion(activo.version(), original, "Mine", "Soporte", "Dell").param("lang", "en"));
        assertThat(conflicto).hasStatus(409);
        String html = HtmlUtils.htmlUnescape(body(conflicto)).replaceAll("\\s+", " ");
        assertThat(html)
                .contains("What you loaded", "Saved by " + otro.updatedBy(), "Your version", "Who changed it")
                .containsPattern(fila("ubicacion", "Sótano", "Planta 3", "Sótano", otro.updatedBy()))
                .containsPattern(fila("nombre", "Cargado", "Cargado", "Mine", "You"))
                .containsPattern("id=\"ubicacion\" name=\"ubicacion\"[^>]*value=\"Planta 3\"");
    }

    @Test
    void aForgedOriginalNeverEchoesASecretAndAnUnreadableOneGivesTheTwoSidedScreen() throws Exception {
        String recovery = "123456-123456-123456-123456-123456-123456-123456-123456";
        MvcTestResult error = mvc.perform(edicion(
                activo.version(),
                "{\"nombre\": \"Cargado\", \"notas\": \"" + recovery + "\", \"especificaciones.password\": \"x\"}",
                "",
                "Soporte",
                "Dell"));
        assertThat(error).hasStatus(422);
        assertThat(body(error)).doesNotContain(recovery);
        assertThat(original(error)).contains("Cargado").doesNotContain("password", recovery);

        activos.modificar(
                activo.id(),
                (ObjectNode) json.readTree("{\"ubicacion\": \"Planta 3\"}"),
                "\"" + activo.version() + "\"");
        MvcTestResult conflicto = mvc.perform(edicion(activo.version(), "{no es json", "Mine", "Soporte", "Dell"));
        assertThat(conflicto).hasStatus(409);
        String html = HtmlUtils.htmlUnescape(body(conflicto)).replaceAll("\\s+", " ");
        assertThat(html)
                .doesNotContain("Lo que cargó")
                .contains("<td class=\"text-break\">Planta 3</td> <td class=\"text-break\">Sótano</td>")
                .contains("Distinto");
    }

    /** The row of {@code campo}: loaded, saved by the other, the person's own, who changed it. */
    private static String fila(String campo, String original, String suyo, String mio, String quien) {
        return "id=\"conflicto-" + Pattern.quote(campo) + "\"[^>]*> <th scope=\"row\">[^<]*</th>"
                + " <td class=\"text-break\">" + Pattern.quote(original) + "</td>"
                + " <td class=\"text-break\">" + Pattern.quote(suyo) + "</td>"
                + " <td class=\"text-break\">" + Pattern.quote(mio) + "</td>"
                + " <td><span class=\"badge[^\"]*\">" + Pattern.quote(quien) + "</span>";
    }

    MockHttpServletRequestBuilder edicion(int version, String original, String nombre, String area, String marca) {
        return MockMvcRequestBuilders.post("/activos/" + activo.codigo())
                .param("version", String.valueOf(version))
                .param("original", original)
                .param("categoria_id", String.valueOf(activo.categoriaId()))
                .param("nombre", nombre)
                .param("marca", marca)
                .param("modelo", activo.modelo())
                .param("numero_serie", activo.numeroSerie())
                .param("estado", activo.estado())
                .param("bitlocker", activo.bitlocker())
                .param("area", area)
                .param("ubicacion", activo.ubicacion())
                .param("proveedor", activo.proveedor())
                .with(csrf())
                .with(Sesiones.de(tecnico));
    }

    static String original(MvcTestResult result) throws Exception {
        Matcher m = Pattern.compile("name=\"original\" value=\"([^\"]*)\"").matcher(body(result));
        assertThat(m.find()).as("the hidden original").isTrue();
        return HtmlUtils.htmlUnescape(m.group(1));
    }

    static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
