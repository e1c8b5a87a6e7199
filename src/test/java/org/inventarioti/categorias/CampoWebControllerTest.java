package org.inventarioti.categorias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.List;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.util.HtmlUtils;

/**
 * Issue 13: the schema form for the common case. Adding a field says first how many assets would
 * no longer follow the schema, and saving can give the existing assets lacking it a value, each
 * an audited change.
 */
@InventarioTest
class CampoWebControllerTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CategoriaService service;

    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    TestUser admin;
    Categoria categoria;
    List<Filas.Activo> activos;

    @BeforeEach
    void datos() {
        admin = users.create(Rol.ADMIN);
        categoria = service.crear(new CategoriaRequest(Filas.unico("Cat campo"), null, null, null));
        Filas filas = new Filas(jdbc);
        activos = List.of(
                filas.activo(categoria.id(), "Uno", "Activo", null, null, null),
                filas.activo(categoria.id(), "Dos", "Activo", null, null, null),
                filas.activo(categoria.id(), "Tres", "Activo", null, null, null));
        jdbc.sql("UPDATE activos SET especificaciones = '{\"so\": \"Linux\"}' WHERE id = ?")
                .param(activos.get(2).id())
                .update();
    }

    @Test
    void onlyAdministratorsAddFields() {
        String uri = "/categorias/" + categoria.id() + "/campo";
        assertThat(mvc.get().uri(uri)).hasStatus(302).redirectedUrl().contains("/login");
        for (Rol rol : new Rol[] {Rol.LECTOR, Rol.TECNICO}) {
            assertThat(mvc.get().uri(uri).with(Sesiones.de(users.create(rol)))).hasStatus(403);
            assertThat(mvc.post().uri(uri).param("clave", "so").with(csrf()).with(Sesiones.de(users.create(rol))))
                    .hasStatus(403);
        }
        assertThat(mvc.get().uri(uri).with(Sesiones.de(admin)))
                .hasStatusOk()
                .bodyText()
                .contains("Añadir un campo a " + categoria.nombre(), "Vista avanzada: editar el JSON Schema");
    }

    @Test
    void theCountComesFirstThenTheAssetsLackingTheFieldGetItsValueEachAudited() throws Exception {
        String prevision = texto(mvc.perform(campo("Windows 11", "prever")));
        assertThat(prevision)
                .contains("Con este campo, 2 de 3 activos de la categoría no cumplirían el esquema.")
                .contains("Dando «Windows 11» a los activos que no tienen el campo, no lo cumplirían 0.")
                .contains("Guardar y dar «Windows 11» a los activos que no lo tienen");
        assertThat(service.buscar(categoria.id()).esquema().has("required")).isFalse();

        String guardado = texto(mvc.perform(campo("Windows 11", "rellenar")));
        assertThat(guardado).contains("Todos los activos de esta categoría cumplen su esquema.");
        Categoria despues = service.buscar(categoria.id());
        assertThat(despues.esquema().path("required").toString()).isEqualTo("[\"so\"]");
        assertThat(despues.esquema().path("properties").path("so"))
                .isEqualTo(json.readTree("{\"type\":\"string\",\"title\":\"Sistema operativo\",\"x-unidad\":\"SO\","
                        + "\"enum\":[\"Windows 11\",\"Linux\"]}"));
        assertThat(so(activos.get(0))).isEqualTo("Windows 11");
        assertThat(so(activos.get(1))).isEqualTo("Windows 11");
        assertThat(so(activos.get(2))).isEqualTo("Linux");
        for (Filas.Activo a : activos.subList(0, 2)) {
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM auditoria WHERE entidad = 'activo' AND entidad_id = ?
                              AND accion = 'actualizar' AND actor_email = ?""")
                            .params(String.valueOf(a.id()), admin.email())
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    @Test
    void savingWithoutTheValueLeavesTheAssetsAndListsThoseThatNoLongerFollow() throws Exception {
        String guardado = texto(mvc.perform(campo("", "guardar")));
        assertThat(guardado)
                .contains("Activos que no cumplen el esquema: 2")
                .contains(activos.get(0).codigo());
        assertThat(so(activos.get(0))).isNull();
    }

    @Test
    void badFieldsAreRefusedInWordsInBothLanguages() throws Exception {
        MvcTestResult vacio = mvc.perform(peticion("prever").param("clave", " ").param("tipo", "string"));
        assertThat(vacio).hasStatus(422);
        assertThat(texto(vacio)).contains("Escriba un nombre de 1 a 64 letras, cifras o _.");
        MvcTestResult tipo = mvc.perform(peticion("prever")
                .param("clave", "ram_gb")
                .param("tipo", "integer")
                .param("valores", "8, muchos")
                .param("valorPorDefecto", "16")
                .param("lang", "en"));
        assertThat(tipo).hasStatus(422);
        assertThat(texto(tipo)).contains("“muchos” is not a value of this type.", "Must be one of the allowed values.");
        MvcTestResult secreto =
                mvc.perform(peticion("prever").param("clave", "password").param("tipo", "string"));
        assertThat(texto(secreto)).contains("Ese nombre es de un secreto");
        mvc.perform(campo("", "guardar"));
        MvcTestResult repetido =
                mvc.perform(peticion("prever").param("clave", "SO").param("tipo", "string"));
        assertThat(texto(repetido)).contains("El esquema ya tiene el campo «so»");
        MvcTestResult roto = mvc.perform(peticion("guardar").param("clave", "x").param("version", "abc"));
        assertThat(roto).hasStatus(422);
        assertThat(texto(roto)).contains("Los datos no son válidos; revise el formulario.");
        MvcTestResult rancio = mvc.perform(peticion("guardar")
                .param("clave", "disco")
                .param("tipo", "string")
                .param("version", String.valueOf(categoria.version())));
        assertThat(rancio).hasStatusOk();
        assertThat(texto(rancio)).contains("Otra persona cambió esta categoría");
        assertThat(service.buscar(categoria.id()).esquema().path("properties").has("disco"))
                .isFalse();
    }

    private MockHttpServletRequestBuilder campo(String valor, String accion) {
        return peticion(accion)
                .param("clave", "SO")
                .param("tipo", "string")
                .param("titulo", "Sistema operativo")
                .param("unidad", "SO")
                .param("obligatorio", "true")
                .param("valores", "Windows 11, Linux")
                .param("valorPorDefecto", valor)
                .param("version", String.valueOf(service.buscar(categoria.id()).version()));
    }

    private MockHttpServletRequestBuilder peticion(String accion) {
        return MockMvcRequestBuilders.post("/categorias/" + categoria.id() + "/campo")
                .param("accion", accion)
                .with(csrf())
                .with(Sesiones.de(admin));
    }

    private String so(Filas.Activo activo) {
        return jdbc.sql("SELECT especificaciones->>'so' FROM activos WHERE id = ?")
                .param(activo.id())
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private static String texto(MvcTestResult result) throws Exception {
        return HtmlUtils.htmlUnescape(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .replaceAll("\\s+", " ");
    }
}
