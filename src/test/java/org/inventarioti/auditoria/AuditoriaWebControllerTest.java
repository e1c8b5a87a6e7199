package org.inventarioti.auditoria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
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

@InventarioTest
class AuditoriaWebControllerTest {

    static final String XSS = "<script>alert('x')</script><b>negrita</b>";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    AuditoriaService auditoria;

    TestUser admin;
    String entidad;

    @BeforeEach
    void datos() {
        admin = users.create(Rol.ADMIN);
        entidad = "prueba_" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theFiltersNameActionsAndEntitiesInWords() throws Exception {
        String es = body(mvc.get()
                .uri("/auditoria?accion=actualizar&entidad=activo")
                .with(Sesiones.de(admin))
                .exchange());
        assertThat(es)
                .contains("<option value=\"actualizar\" selected=\"selected\">Cambio</option>")
                .contains("<option value=\"login_fallido\">Inicio de sesión fallido</option>")
                .contains("<option value=\"activo\" selected=\"selected\">activo</option>")
                .doesNotContain(">actualizar<", ">login_fallido<");
        String en = body(mvc.get()
                .uri("/auditoria?accion=eliminar&lang=en")
                .with(Sesiones.de(admin))
                .exchange());
        assertThat(en).contains("<option value=\"eliminar\" selected=\"selected\">Deleted</option>");
        // An action the list does not know, typed in the address, stays chosen as it is.
        assertThat(body(mvc.get()
                        .uri("/auditoria?accion=otra_cosa")
                        .with(Sesiones.de(admin))
                        .exchange()))
                .contains("<option value=\"otra_cosa\" selected=\"selected\">otra_cosa</option>");
    }

    @Test
    void onlyAdministratorsReadTheAuditLog() {
        assertThat(mvc.get().uri("/auditoria")).hasStatus(302).redirectedUrl().contains("/login");
        for (Rol rol : new Rol[] {Rol.LECTOR, Rol.TECNICO}) {
            assertThat(mvc.get().uri("/auditoria").with(Sesiones.de(users.create(rol))))
                    .hasStatus(403);
        }
        assertThat(mvc.get().uri("/auditoria").with(Sesiones.de(admin)))
                .hasStatusOk()
                .bodyText()
                .contains("Auditoría", "filtros-auditoria");
    }

    @Test
    void theFiltersNarrowTheTrailAndAnswerTheFragmentToHtmx() {
        auditoria.evento("revisar", entidad, 7, admin.email(), Map.of("nota", "nota-uno"));
        auditoria.evento("revisar", entidad, 8, "otra@test.local", Map.of("nota", "nota-dos"));
        auditoria.evento("cerrar", entidad, 7, admin.email(), null);
        assertThat(mvc.get().uri("/auditoria?entidad=" + entidad).with(Sesiones.de(admin)))
                .bodyText()
                .contains("Registros que cumplen los filtros: 3.");
        assertThat(mvc.get()
                        .uri("/auditoria?entidad=" + entidad + "&entidad_id=7")
                        .with(Sesiones.de(admin)))
                .bodyText()
                .contains("Registros que cumplen los filtros: 2.", "nota-uno")
                .doesNotContain("nota-dos");
        assertThat(mvc.get()
                        .uri("/auditoria?entidad=" + entidad + "&actor=OTRA@test.local")
                        .with(Sesiones.de(admin)))
                .bodyText()
                .contains("Registros que cumplen los filtros: 1.", "nota-dos");
        assertThat(mvc.get()
                        .uri("/auditoria?entidad=" + entidad + "&accion=cerrar")
                        .with(Sesiones.de(admin)))
                .bodyText()
                .contains("Registros que cumplen los filtros: 1.");
        String hoy = LocalDate.now().toString();
        assertThat(mvc.get()
                        .uri("/auditoria?entidad=" + entidad + "&desde=" + hoy + "&hasta=" + hoy)
                        .with(Sesiones.de(admin)))
                .bodyText()
                .contains("Registros que cumplen los filtros: 3.");
        assertThat(mvc.get()
                        .uri("/auditoria?entidad=" + entidad + "&hasta="
                                + LocalDate.now().minusDays(2))
                        .with(Sesiones.de(admin)))
                .bodyText()
                .contains("Registros que cumplen los filtros: 0.");
        MvcTestResult fragment = mvc.get()
                .uri("/auditoria?entidad=" + entidad)
                .header("HX-Request", "true")
                .with(Sesiones.de(admin))
                .exchange();
        assertThat(fragment)
                .hasStatusOk()
                .bodyText()
                .contains("id=\"tabla-auditoria\"", "nota-uno")
                .doesNotContain("<html", "filtros-auditoria");
    }

    @Test
    void longTrailsArePaged() {
        for (int i = 0; i < FiltroAuditoria.POR_PAGINA + 3; i++) {
            auditoria.evento("paso", entidad, i, admin.email(), null);
        }
        assertThat(mvc.get().uri("/auditoria?entidad=" + entidad).with(Sesiones.de(admin)))
                .bodyText()
                .contains("Página 1 de 2", "entidad=" + entidad + "&amp;page=2");
        assertThat(mvc.get().uri("/auditoria?entidad=" + entidad + "&page=2").with(Sesiones.de(admin)))
                .bodyText()
                .contains("Página 2 de 2");
    }

    @Test
    void badDatesAreExplained() {
        assertThat(mvc.get().uri("/auditoria?desde=2024-02-31").with(Sesiones.de(admin)))
                .hasStatus(400)
                .bodyText()
                .contains("Un filtro no es válido", "is-invalid");
        assertThat(mvc.get().uri("/auditoria?page=0").with(Sesiones.de(admin))).hasStatus(400);
        for (String implausible : new String[] {"1899-12-31", "2200-01-01", "0001-01-01"}) {
            assertThat(mvc.get().uri("/auditoria?hasta=" + implausible).with(Sesiones.de(admin)))
                    .as(implausible)
                    .hasStatus(400)
                    .bodyText()
                    .contains("Un filtro no es válido", "is-invalid");
        }
    }

    @Test
    void beforeAndAfterAreShownAsEscapedJson() throws Exception {
        auditoria.actualizado(entidad, 1, Map.of("nombre", "antes"), Map.of("nombre", XSS));
        String pagina = body(mvc.get()
                .uri("/auditoria?entidad=" + entidad)
                .with(Sesiones.de(admin))
                .exchange());
        assertThat(pagina)
                .doesNotContain(XSS)
                .contains("&quot;nombre&quot; : &quot;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;b&gt;")
                .contains("&quot;antes&quot;");
    }

    @Test
    void anAssetCodeAsPeopleTypeItFindsTheAssetsAndItsMaintenanceRowsEachLinkedToItsRecord() throws Exception {
        String codigo = "AUD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        long id = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        auditoria.creado("activo", id, Map.of("codigo", codigo, "nombre", "Portátil"));
        // An update records only what changed: neither names the code.
        auditoria.actualizado("activo", id, Map.of("nombre", "Portátil"), Map.of("nombre", "Portátil 2"));
        auditoria.creado("mantenimiento", id + 1, Map.of("activo_id", id, "activo_codigo", codigo));
        auditoria.actualizado("mantenimiento", id + 1, Map.of("estado", "programado"), Map.of("estado", "completado"));
        auditoria.eliminado("activo", id, Map.of("codigo", codigo));
        auditoria.creado("activo", id + 2, Map.of("codigo", codigo + "-OTRO"));
        auditoria.creado("mantenimiento", id + 3, Map.of("activo_id", id + 2));

        String es = body(mvc.get()
                .uri("/auditoria?activo=" + codigo.toLowerCase())
                .with(Sesiones.de(admin))
                .exchange());
        assertThat(es)
                .contains("Registros que cumplen los filtros: 5.")
                .contains("<label for=\"filtro-activo\" class=\"form-label\">Código del activo</label>")
                .contains("<a href=\"/activos/" + codigo + "\">" + codigo + "</a>")
                .contains("<a href=\"/mantenimientos/" + (id + 1) + "\">#" + (id + 1) + " · " + codigo + "</a>")
                .contains("<span>" + codigo + "</span>") // the deletion: no page to link to
                .doesNotContain(codigo + "-OTRO", "Id. de la entidad");
        String en = body(mvc.get()
                .uri("/auditoria?activo=" + codigo + "&accion=crear&lang=en")
                .with(Sesiones.de(admin))
                .exchange());
        assertThat(en)
                .contains("Records matching the filters: 2.", ">Asset code</label>", ">Record</th>")
                .contains("<option value=\"crear\" selected=\"selected\">Created</option>");
        assertThat(body(mvc.get()
                        .uri("/auditoria?activo=" + codigo + "&entidad=mantenimiento")
                        .with(Sesiones.de(admin))
                        .exchange()))
                .contains("Registros que cumplen los filtros: 2.")
                .doesNotContain("#" + (id + 3));
        assertThat(body(mvc.get()
                        .uri("/auditoria?activo=NO-EXISTE-" + codigo)
                        .with(Sesiones.de(admin))
                        .exchange()))
                .contains("Registros que cumplen los filtros: 0.");
    }

    @Test
    void categoriesAndUsersReadByNameAndLinkToTheirPages() throws Exception {
        String nombre = "Cat-" + UUID.randomUUID().toString().substring(0, 8);
        auditoria.creado("categoria", 4242, Map.of("nombre", nombre));
        auditoria.creado("usuario", 4343, Map.of("email", nombre + "@test.local"));
        assertThat(body(mvc.get()
                        .uri("/auditoria?entidad=categoria&entidad_id=4242")
                        .with(Sesiones.de(admin))
                        .exchange()))
                .contains("<a href=\"/categorias/4242\">" + nombre + "</a>")
                .contains("<input type=\"hidden\" name=\"entidad_id\" value=\"4242\">");
        assertThat(body(mvc.get()
                        .uri("/auditoria?entidad=usuario&entidad_id=4343")
                        .with(Sesiones.de(admin))
                        .exchange()))
                .contains("<a href=\"/usuarios/4343\">" + nombre + "@test.local</a>");
    }

    @Test
    void theAuditLogCannotBeWrittenThroughTheBrowser() {
        assertThat(mvc.post().uri("/auditoria").with(csrf()).with(Sesiones.de(admin)))
                .hasStatus(405);
        assertThat(mvc.post().uri("/auditoria").with(Sesiones.de(admin))).hasStatus(403);
    }
}
