package org.inventarioti.categorias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.math.BigDecimal;
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
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@InventarioTest
class CategoriaWebControllerTest {

    static final String XSS = "<script>alert('x')</script><b>negrita</b>";
    static final String ESQUEMA_CPU = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
             "properties": {"cpu": {"type": "string", "title": "Procesador"}}, "required": ["cpu"]}""";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CategoriaService service;

    TestUser admin;

    @BeforeEach
    void admin() {
        admin = users.create(Rol.ADMIN);
    }

    static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    Categoria crear(String nombre) {
        return service.crear(new CategoriaRequest(nombre, null, null, null));
    }

    @Test
    void onlyAdministratorsSeeTheCategoryPages() {
        Categoria categoria = crear(Filas.unico("Solo admin"));
        assertThat(mvc.get().uri("/categorias")).hasStatus(302).redirectedUrl().contains("/login");
        for (Rol rol : new Rol[] {Rol.LECTOR, Rol.TECNICO}) {
            TestUser user = users.create(rol);
            assertThat(mvc.get().uri("/categorias").with(Sesiones.de(user))).hasStatus(403);
            assertThat(mvc.get().uri("/categorias/nueva").with(Sesiones.de(user)))
                    .hasStatus(403);
            assertThat(mvc.get().uri("/categorias/" + categoria.id()).with(Sesiones.de(user)))
                    .hasStatus(403);
            assertThat(mvc.get()
                            .uri("/categorias/" + categoria.id() + "/no-conformes")
                            .with(Sesiones.de(user)))
                    .hasStatus(403);
            assertThat(mvc.post()
                            .uri("/categorias/" + categoria.id() + "/eliminar")
                            .with(csrf())
                            .with(Sesiones.de(user)))
                    .hasStatus(403);
            assertThat(mvc.get().uri("/").with(Sesiones.de(user)))
                    .bodyText()
                    .doesNotContain("href=\"/categorias\"", "href=\"/auditoria\"", "href=\"/cuarentena\"");
        }
        assertThat(service.encontrar(categoria.id())).isPresent();
        assertThat(mvc.get().uri("/categorias?q=" + categoria.nombre()).with(Sesiones.de(admin)))
                .hasStatusOk()
                .bodyText()
                .contains(categoria.nombre(), "href=\"/categorias/nueva\"", "href=\"/categorias\"");
    }

    @Test
    void theSearchAnswersTheTableFragmentToHtmx() {
        Categoria categoria = crear(Filas.unico("Fragmento"));
        MvcTestResult fragment = mvc.get()
                .uri("/categorias?q=" + categoria.nombre())
                .header("HX-Request", "true")
                .with(Sesiones.de(admin))
                .exchange();
        assertThat(fragment)
                .hasStatusOk()
                .bodyText()
                .contains("id=\"tabla-categorias\"", categoria.nombre())
                .doesNotContain("<html", "Laptop");
    }

    @Test
    void anAdministratorCreatesACategoryWithASchema() {
        String nombre = Filas.unico("Impresora 3D");
        assertThat(mvc.get().uri("/categorias/nueva").with(Sesiones.de(admin)))
                .hasStatusOk()
                .bodyText()
                .contains("Nueva categoría", "draft/2020-12");
        assertThat(mvc.post()
                        .uri("/categorias")
                        .param("nombre", nombre)
                        .param("descripcion", "Fabricación aditiva")
                        .param("esquema", ESQUEMA_CPU)
                        .with(csrf())
                        .with(Sesiones.de(admin)))
                .hasStatus(302)
                .hasRedirectedUrl("/categorias")
                .flash()
                .containsEntry("aviso", "categorias.aviso.creada");
        Categoria creada = service.listar(java.util.Map.of("q", java.util.List.of(nombre)))
                .items()
                .get(0);
        assertThat(creada.descripcion()).isEqualTo("Fabricación aditiva");
        assertThat(creada.esquema().at("/required/0").asString()).isEqualTo("cpu");
    }

    @Test
    void anInvalidSchemaIsExplainedNextToTheField() {
        assertThat(mvc.post()
                        .uri("/categorias")
                        .param("nombre", Filas.unico("Mal JSON"))
                        .param("esquema", "{\"type\": ")
                        .with(csrf())
                        .with(Sesiones.de(admin)))
                .hasStatusOk()
                .bodyText()
                .contains("El esquema no es JSON válido", "is-invalid");
        assertThat(mvc.post()
                        .uri("/categorias")
                        .param("nombre", Filas.unico("Lista"))
                        .param("esquema", "[1, 2]")
                        .with(csrf())
                        .with(Sesiones.de(admin)))
                .bodyText()
                .contains("El esquema debe ser un objeto JSON.");
        String nombre = Filas.unico("Array");
        assertThat(mvc.post()
                        .uri("/categorias")
                        .param("nombre", nombre)
                        .param("esquema", "{\"type\": \"array\"}")
                        .with(csrf())
                        .with(Sesiones.de(admin)))
                .hasStatusOk()
                .bodyText()
                .contains("No es válido: esquema.type: must be &quot;object&quot;", "is-invalid");
        assertThat(service.listar(java.util.Map.of("q", java.util.List.of(nombre)))
                        .total())
                .isZero();
        Categoria existente = crear(Filas.unico("Repetida"));
        assertThat(mvc.post()
                        .uri("/categorias")
                        .param("nombre", existente.nombre())
                        .param("esquema", "")
                        .with(csrf())
                        .with(Sesiones.de(admin)))
                .bodyText()
                .contains("Ya existe una categoría con este nombre.");
        assertThat(mvc.post()
                        .uri("/categorias")
                        .param("nombre", "")
                        .with(csrf())
                        .with(Sesiones.de(admin)))
                .bodyText()
                .contains("Este campo es obligatorio.");
        assertThat(mvc.get().uri("/categorias/987654321").with(Sesiones.de(admin)))
                .hasStatus(404);
        assertThat(mvc.get().uri("/categorias/987654321/no-conformes").with(Sesiones.de(admin)))
                .hasStatus(404);
    }

    @Test
    void aSchemaChangeReportsTheAssetsThatNoLongerConform() throws Exception {
        Categoria categoria = crear(Filas.unico("Cambia esquema"));
        Filas filas = new Filas(jdbc);
        Filas.Activo activo = filas.activo(categoria.id(), "Sin cpu", "Activo", "CPD", BigDecimal.ONE, "EUR");
        assertThat(mvc.get()
                        .uri("/categorias/" + categoria.id() + "/no-conformes")
                        .with(Sesiones.de(admin)))
                .hasStatusOk()
                .bodyText()
                .contains("Todos los activos de esta categoría cumplen su esquema.");
        MvcTestResult guardada = mvc.post()
                .uri("/categorias/" + categoria.id())
                .param("nombre", categoria.nombre())
                .param("esquema", ESQUEMA_CPU)
                .param("version", Integer.toString(categoria.version()))
                .with(csrf())
                .with(Sesiones.de(admin))
                .exchange();
        assertThat(guardada)
                .hasStatusOk()
                .bodyText()
                .contains(
                        "Categoría " + categoria.nombre() + " guardada.",
                        "Activos que no cumplen el esquema: 1",
                        "href=\"/activos/" + activo.codigo() + "\"",
                        "cpu</span>:",
                        "Este campo es obligatorio.")
                .doesNotContain("especificaciones.cpu", "required<");
        assertThat(service.buscar(categoria.id()).version()).isEqualTo(categoria.version() + 1);
        assertThat(mvc.get()
                        .uri("/categorias/" + categoria.id() + "/no-conformes")
                        .with(Sesiones.de(admin)))
                .bodyText()
                .contains(activo.codigo());
        assertThat(mvc.get()
                        .uri("/categorias/" + categoria.id() + "/no-conformes?lang=en")
                        .with(Sesiones.de(admin)))
                .bodyText()
                .contains(activo.codigo(), "cpu</span>:")
                .doesNotContain("especificaciones.cpu", "required<", "Este campo es obligatorio.");
        assertThat(mvc.get().uri("/categorias/" + categoria.id()).with(Sesiones.de(admin)))
                .hasStatusOk()
                .bodyText()
                .contains("Editar categoría", "Procesador");
    }

    @Test
    void aStaleEditShowsTheCurrentCategory() {
        Categoria categoria = crear(Filas.unico("Dos admins"));
        service.reemplazar(
                categoria.id(),
                new CategoriaRequest(categoria.nombre(), "Cambiada por otro", null, categoria.version()),
                null);
        assertThat(mvc.post()
                        .uri("/categorias/" + categoria.id())
                        .param("nombre", categoria.nombre() + " mía")
                        .param("esquema", "")
                        .param("version", Integer.toString(categoria.version()))
                        .with(csrf())
                        .with(Sesiones.de(admin)))
                .hasStatusOk()
                .bodyText()
                .contains("Otra persona cambió esta categoría", "id=\"conflicto\"")
                .contains("name=\"version\" id=\"version\" value=\"" + (categoria.version() + 1) + "\"");
        assertThat(service.buscar(categoria.id()).nombre()).isEqualTo(categoria.nombre());
    }

    @Test
    void aCategoryInUseIsNotDeletedAndTheReasonIsShown() {
        Categoria usada = crear(Filas.unico("En uso"));
        new Filas(jdbc).activo(usada.id(), "Equipo", "Activo", "CPD", null, null);
        assertThat(mvc.post()
                        .uri("/categorias/" + usada.id() + "/eliminar")
                        .with(csrf())
                        .with(Sesiones.de(admin)))
                .hasStatus(409)
                .bodyText()
                .contains(
                        "La categoría " + usada.nombre() + " no se puede eliminar: la usan 1 activo(s)",
                        "id=\"tabla-categorias\"");
        assertThat(service.encontrar(usada.id())).isPresent();

        Categoria libre = crear(Filas.unico("Libre"));
        assertThat(mvc.get().uri("/categorias?q=" + libre.nombre()).with(Sesiones.de(admin)))
                .bodyText()
                .contains("data-confirmar=\"¿Eliminar la categoría " + libre.nombre());
        assertThat(mvc.post()
                        .uri("/categorias/" + libre.id() + "/eliminar")
                        .with(csrf())
                        .with(Sesiones.de(admin)))
                .hasStatus(302)
                .flash()
                .containsEntry("aviso", "categorias.aviso.eliminada");
        assertThat(service.encontrar(libre.id())).isEmpty();
    }

    @Test
    void namesAndSchemaTitlesAreShownAsText() throws Exception {
        String esquema = ESQUEMA_CPU.replace("Procesador", XSS.replace("'", "\\u0027"));
        Categoria categoria = service.crear(new CategoriaRequest(
                XSS + Filas.unico(""),
                XSS,
                (tools.jackson.databind.node.ObjectNode)
                        tools.jackson.databind.json.JsonMapper.builder().build().readTree(esquema),
                null));
        String lista =
                body(mvc.get().uri("/categorias").with(Sesiones.de(admin)).exchange());
        assertThat(lista).doesNotContain(XSS).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;b&gt;");
        String form = body(mvc.get()
                .uri("/categorias/" + categoria.id())
                .with(Sesiones.de(admin))
                .exchange());
        assertThat(form).doesNotContain("<script>alert").contains("&lt;script&gt;alert(");
        String informe = body(mvc.get()
                .uri("/categorias/" + categoria.id() + "/no-conformes")
                .with(Sesiones.de(admin))
                .exchange());
        assertThat(informe).doesNotContain(XSS).contains("&lt;script&gt;");
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        Categoria categoria = crear(Filas.unico("Sin token"));
        assertThat(mvc.post().uri("/categorias/" + categoria.id() + "/eliminar").with(Sesiones.de(admin)))
                .hasStatus(403);
        assertThat(mvc.post()
                        .uri("/categorias")
                        .param("nombre", Filas.unico("Sin token nueva"))
                        .with(Sesiones.de(admin)))
                .hasStatus(403);
        assertThat(service.encontrar(categoria.id())).isPresent();
    }
}
