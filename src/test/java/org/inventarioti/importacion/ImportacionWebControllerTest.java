package org.inventarioti.importacion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Sesiones;
import org.inventarioti.support.TestUsers;
import org.inventarioti.support.TestUsers.TestUser;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The import page: a test per role; upload → preview (nothing written) → mapping changed and
 * previewed again → run with its progress page (and the htmx fragment it polls) → per-row report →
 * undo; refusals (no file, not a spreadsheet, another user's upload, bad options, no CSRF token).
 */
@InventarioTest
class ImportacionWebControllerTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    private MvcTestResult subir(TestUser user, String nombre, byte[] content, String... params) {
        var request = mvc.post()
                .uri("/importaciones")
                .multipart()
                .file(new MockMultipartFile("archivo", nombre, "text/csv", content))
                .with(csrf())
                .with(Sesiones.de(user));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }

    private static String html(MvcTestResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private long activos(String serie) {
        return jdbc.sql("SELECT count(*) FROM activos WHERE numero_serie LIKE ?")
                .param(serie + "%")
                .query(Long.class)
                .single();
    }

    private static String token(String html) {
        return html.replaceAll("(?s).*action=\"/importaciones/([0-9a-f-]{36})/previa\".*", "$1");
    }

    private static byte[] csv(String serie) {
        return ("Número de serie;Nombre;Categoría;Marca;spec.cpu;spec.ram\n" + serie
                        + "-1;Equipo uno;Laptop;Dell;i7;16GB\n"
                        + serie + "-2;Equipo dos;Laptop;HP;i5;8GB\n" + serie
                        + "-3;Equipo tres;Categoría que no existe;HP;i5;8GB\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void onlyTechniciansAndAdministratorsImport() throws Exception {
        assertThat(mvc.get().uri("/importaciones"))
                .hasStatus(302)
                .redirectedUrl()
                .contains("/login");
        TestUser lector = users.create(Rol.LECTOR);
        assertThat(mvc.get().uri("/importaciones").with(Sesiones.de(lector))).hasStatus(403);
        assertThat(subir(lector, "a.csv", csv(Api.unique("L")))).hasStatus(403);
        assertThat(mvc.get().uri("/").with(Sesiones.de(lector))).bodyText().doesNotContain("id=\"nav-importaciones\"");
        for (Rol rol : new Rol[] {Rol.TECNICO, Rol.ADMIN}) {
            assertThat(mvc.get().uri("/importaciones").with(Sesiones.de(users.create(rol))))
                    .hasStatusOk()
                    .bodyText()
                    .contains(
                            "Importar activos de una hoja de cálculo", "id=\"nav-importaciones\"", "name=\"archivo\"");
        }
    }

    @Test
    void uploadPreviewRemapRunReportAndUndo() throws Exception {
        TestUser tecnico = users.create(Rol.TECNICO);
        String serie = Api.unique("WEB");
        MvcTestResult previa = subir(tecnico, "equipos.csv", csv(serie), "errores", "omitir");
        assertThat(previa).hasStatusOk();
        String html = html(previa);
        assertThat(html)
                .contains("Vista previa de la importación", "equipos.csv")
                .containsPattern("id=\"cuenta-creadas\">2<")
                .containsPattern("id=\"cuenta-rechazadas\">1<")
                .contains("Categoría que no existe")
                .containsPattern("<option value=\"numero_serie\" selected=\"selected\">numero_serie</option>")
                .contains("sugerido");
        assertThat(activos(serie)).as("the preview writes nothing").isZero();
        String token = token(html);

        // the Marca column ignored: previewed again, chosen by the user
        MvcTestResult otra = mvc.post()
                .uri("/importaciones/" + token + "/previa")
                .param("errores", "omitir")
                .param("cabecera", "Número de serie", "Nombre", "Categoría", "Marca", "spec.cpu", "spec.ram")
                .param("campo", "numero_serie", "nombre", "categoria", "", "spec.cpu", "spec.ram")
                .with(csrf())
                .with(Sesiones.de(tecnico))
                .exchange();
        assertThat(otra).hasStatusOk();
        assertThat(html(otra)).contains("elegido por usted").containsPattern("id=\"cuenta-creadas\">2<");

        MvcTestResult ejecutar = mvc.post()
                .uri("/importaciones/" + token + "/ejecutar")
                .param("errores", "omitir")
                .param("cabecera", "Número de serie", "Nombre", "Categoría", "Marca", "spec.cpu", "spec.ram")
                .param("campo", "numero_serie", "nombre", "categoria", "", "spec.cpu", "spec.ram")
                .with(csrf())
                .with(Sesiones.de(tecnico))
                .exchange();
        assertThat(ejecutar).hasStatus(302);
        String pagina = ejecutar.getResponse().getRedirectedUrl();
        assertThat(pagina).matches("/importaciones/ejecuciones/[0-9a-f-]{36}");

        String fragmento = "";
        for (int i = 0; i < 100 && !fragmento.contains("Completada"); i++) {
            Thread.sleep(100);
            fragmento = html(mvc.get()
                    .uri(pagina)
                    .header("HX-Request", "true")
                    .with(Sesiones.de(tecnico))
                    .exchange());
        }
        assertThat(fragmento)
                .as("the polled fragment, not a page")
                .startsWith("<section")
                .doesNotContain("<html")
                .contains("Completada", "id=\"resultado-creadas\">2<", "id=\"resultado-rechazadas\">1<")
                .doesNotContain("hx-trigger");
        assertThat(activos(serie)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT marca FROM activos WHERE numero_serie = ?")
                        .param(serie + "-1")
                        .query(String.class)
                        .list())
                .as("the ignored column")
                .containsExactly((String) null);
        assertThat(mvc.get().uri(pagina).with(Sesiones.de(tecnico)))
                .hasStatusOk()
                .bodyText()
                .contains("<html", "id=\"barra-progreso\"", "aria-valuenow=\"100\"", "id=\"descargar-informe\"");

        MvcTestResult informe =
                mvc.get().uri(pagina + "/informe").with(Sesiones.de(tecnico)).exchange();
        assertThat(informe).hasStatusOk().hasHeader("Content-Encoding", "gzip");
        String csv = new String(
                new GZIPInputStream(
                                new ByteArrayInputStream(informe.getResponse().getContentAsByteArray()))
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(csv).contains(serie + "-1", serie + "-3", "Categoría que no existe");

        MvcTestResult deshacer = mvc.post()
                .uri(pagina + "/deshacer")
                .with(csrf())
                .with(Sesiones.de(tecnico))
                .exchange();
        assertThat(deshacer).hasStatus(302).redirectedUrl().isEqualTo(pagina);
        assertThat(activos(serie)).as("undone").isZero();
        assertThat(mvc.get()
                        .uri(pagina + "?lang=en")
                        .requestAttr(
                                org.springframework.web.servlet.DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE,
                                deshacer.getMvcResult().getFlashMap())
                        .with(Sesiones.de(tecnico)))
                .bodyText()
                .contains("Import undone: 2 assets removed, 0 restored.", "Undone")
                .doesNotContain("id=\"deshacer\"");
        assertThat(mvc.post()
                        .uri("/importaciones/" + token + "/previa")
                        .with(csrf())
                        .with(Sesiones.de(tecnico)))
                .as("the run took the upload over")
                .hasStatus(404);
    }

    @Test
    void aSavedMappingIsAppliedToTheNextFile() throws Exception {
        TestUser tecnico = users.create(Rol.TECNICO);
        String token = token(html(subir(tecnico, "uno.csv", csv(Api.unique("MAP")))));
        String nombre = Api.unique("Mapeo sin marca");
        MvcTestResult guardado = mvc.post()
                .uri("/importaciones/" + token + "/mapeos")
                .param("nombreMapeo", nombre)
                .param("cabecera", "Número de serie", "Nombre", "Categoría", "Marca", "spec.cpu", "spec.ram")
                .param("campo", "numero_serie", "nombre", "categoria", "", "spec.cpu", "spec.ram")
                .with(csrf())
                .with(Sesiones.de(tecnico))
                .exchange();
        assertThat(guardado).hasStatusOk();
        assertThat(html(guardado)).contains("id=\"mapeo-guardado\"", nombre);
        long id = jdbc.sql("SELECT id FROM importacion_mapeos WHERE nombre = ?")
                .param(nombre)
                .query(Long.class)
                .single();

        TestUser otro = users.create(Rol.ADMIN);
        String segundo = token(html(subir(otro, "dos.csv", csv(Api.unique("MAP")))));
        String sugerido = html(mvc.post()
                .uri("/importaciones/" + segundo + "/previa")
                .with(csrf())
                .with(Sesiones.de(otro))
                .exchange());
        assertThat(sugerido).contains("<option value=\"" + id + "\">" + nombre + "</option>");
        assertThat(sugerido).containsPattern("<option value=\"marca\" selected=\"selected\">marca</option>");
        String aplicado = html(mvc.post()
                .uri("/importaciones/" + segundo + "/previa")
                .param("mapeo", String.valueOf(id))
                .param("aplicar", "1")
                .with(csrf())
                .with(Sesiones.de(otro))
                .exchange());
        assertThat(aplicado)
                .as("the saved choices, Marca ignored")
                .contains("elegido por usted")
                .doesNotContainPattern("<option value=\"marca\" selected=\"selected\">marca</option>");

        for (String malo : new String[] {"", "x".repeat(101)}) {
            MvcTestResult r = mvc.post()
                    .uri("/importaciones/" + segundo + "/mapeos")
                    .param("nombreMapeo", malo)
                    .param("cabecera", "Nombre")
                    .param("campo", "nombre")
                    .with(csrf())
                    .with(Sesiones.de(otro))
                    .exchange();
            assertThat(r).hasStatus(422);
            assertThat(html(r)).contains("id=\"mapeo-error\"");
        }
        MvcTestResult desconocido = mvc.post()
                .uri("/importaciones/" + segundo + "/mapeos")
                .param("nombreMapeo", Api.unique("malo"))
                .param("cabecera", "Nombre")
                .param("campo", "contraseña")
                .with(csrf())
                .with(Sesiones.de(otro))
                .exchange();
        assertThat(mvc.post()
                        .uri("/importaciones/" + segundo + "/mapeos")
                        .param("nombreMapeo", Api.unique("vacio"))
                        .with(csrf())
                        .with(Sesiones.de(otro)))
                .as("no column to save")
                .hasStatus(422);
        assertThat(desconocido).hasStatus(422);
        assertThat(html(desconocido))
                .as("the upload is kept: the preview shown again")
                .contains("id=\"mapeo-error\"", "id=\"tabla-mapeo\"");
        assertThat(mvc.post()
                        .uri("/importaciones/" + segundo + "/previa")
                        .param("mapeo", "999999999")
                        .param("aplicar", "1")
                        .with(csrf())
                        .with(Sesiones.de(otro)))
                .hasStatus(404);
        assertThat(mvc.post()
                        .uri("/importaciones/" + segundo + "/mapeos")
                        .param("nombreMapeo", "x")
                        .with(csrf())
                        .with(Sesiones.de(users.create(Rol.LECTOR))))
                .hasStatus(403);
    }

    @Test
    void refusals() throws Exception {
        TestUser tecnico = users.create(Rol.TECNICO);
        MvcTestResult sinArchivo = subir(tecnico, "vacio.csv", new byte[0]);
        assertThat(sinArchivo).hasStatus(422);
        assertThat(html(sinArchivo)).contains("Elija un archivo.");

        MvcTestResult otraCosa = subir(tecnico, "foto.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 1, 2, 3});
        assertThat(otraCosa).hasStatus(422);
        assertThat(html(otraCosa)).contains("id=\"error-importacion\"");

        assertThat(subir(tecnico, "a.csv", csv(Api.unique("M")), "modo", "borrar"))
                .hasStatus(400);
        assertThat(subir(tecnico, "a.csv", csv(Api.unique("M")), "errores", "quizas"))
                .hasStatus(400);

        String token = token(html(subir(tecnico, "a.csv", csv(Api.unique("T")))));
        TestUser otro = users.create(Rol.ADMIN);
        assertThat(mvc.post()
                        .uri("/importaciones/" + token + "/previa")
                        .with(csrf())
                        .with(Sesiones.de(otro)))
                .as("another user's upload")
                .hasStatus(404);
        assertThat(mvc.post()
                        .uri("/importaciones/" + token + "/previa")
                        .param("cabecera", "Nombre")
                        .with(csrf())
                        .with(Sesiones.de(tecnico)))
                .as("headers and fields in pairs")
                .hasStatus(400);
        assertThat(mvc.post().uri("/importaciones/" + token + "/ejecutar").with(Sesiones.de(tecnico)))
                .as("without the CSRF token")
                .hasStatus(403);
        assertThat(mvc.get()
                        .uri("/importaciones/ejecuciones/00000000-0000-0000-0000-000000000000")
                        .with(Sesiones.de(tecnico)))
                .hasStatus(404);
    }
}
