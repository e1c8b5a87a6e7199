package org.inventarioti.activos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import org.inventarioti.categorias.Categoria;
import org.inventarioti.categorias.CategoriaService;
import org.inventarioti.support.Api;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13: no raw validation message reaches a person. Bean Validation refusals are said in the
 * page's language next to their fields; the API keeps its English message and adds the code and
 * bounds a client words in its own language.
 */
@InventarioTest
class ErroresEnPalabrasTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CategoriaService categorias;

    @Autowired
    JsonMapper json;

    TestUser tecnico;
    Categoria categoria;

    @BeforeEach
    void datos() {
        tecnico = users.create(Rol.TECNICO);
        categoria = DatosWeb.categoria(categorias, json);
    }

    @Test
    void aBlankNameAndATooLongModelAreSaidInSpanishAndEnglish() throws Exception {
        String es = texto(mvc.perform(alta("")));
        assertThat(es)
                .containsPattern("id=\"nombre-error\"[^>]*> <span class=\"d-block\">No puede quedar vacío.</span>")
                .containsPattern(
                        "id=\"modelo-error\"[^>]*> <span class=\"d-block\">Debe tener como máximo 200 caracteres.</span>")
                .doesNotContain("must not be blank", "size must be", "must be");
        String en = texto(mvc.perform(alta("").param("lang", "en")));
        assertThat(en)
                .containsPattern("id=\"nombre-error\"[^>]*> <span class=\"d-block\">Must not be empty.</span>")
                .containsPattern(
                        "id=\"modelo-error\"[^>]*> <span class=\"d-block\">Must have at most 200 characters.</span>")
                .doesNotContain("must not be blank", "size must be");
    }

    @Test
    void theApiKeepsTheValidatorsMessageAndAddsTheCodeAndItsBounds() throws Exception {
        MvcTestResult result = new Api(mvc, tecnico)
                .post(
                        "/api/activos",
                        "{\"categoria_id\": " + categoria.id() + ", \"nombre\": \" \", \"numero_serie\": \""
                                + DatosWeb.unico("SN") + "\", \"modelo\": \"" + "m".repeat(201) + "\"}");
        assertThat(result).hasStatus(422);
        JsonNode errores = json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .get("errors");
        assertThat(errores.toString())
                .contains("\"field\":\"modelo\",\"message\":")
                .contains("\"code\":\"SizeMax\",\"args\":[\"200\"]}")
                .contains("\"code\":\"NotBlank\"}");
    }

    private MockHttpServletRequestBuilder alta(String nombre) {
        return MockMvcRequestBuilders.post("/activos")
                .param("categoria_id", String.valueOf(categoria.id()))
                .param("nombre", nombre)
                .param("modelo", "m".repeat(201))
                .param("numero_serie", DatosWeb.unico("SN-PAL"))
                .param("estado", "Activo")
                .param("bitlocker", "unknown")
                .param("especificaciones.cpu", "i5")
                .param("especificaciones.ram_gb", "8")
                .with(csrf())
                .with(Sesiones.de(tecnico));
    }

    private static String texto(MvcTestResult result) throws Exception {
        assertThat(result).hasStatus(422);
        return HtmlUtils.htmlUnescape(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .replaceAll("\\s+", " ");
    }
}
