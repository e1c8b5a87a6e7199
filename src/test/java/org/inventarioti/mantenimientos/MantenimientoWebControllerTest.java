package org.inventarioti.mantenimientos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
class MantenimientoWebControllerTest {

    static final String XSS = "<script>alert('x')</script><b>negrita</b>";
    static final String XSS_ESCAPADO = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;b&gt;negrita&lt;/b&gt;";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MantenimientoService service;

    TestUser tecnico;
    Filas.Activo activo;

    @BeforeEach
    void datos() {
        tecnico = users.create(Rol.TECNICO);
        Filas filas = new Filas(jdbc);
        long categoria = filas.categoria(Filas.unico("Mant web"));
        activo = filas.activo(categoria, "Servidor web", "Activo", "CPD", BigDecimal.TEN, "EUR");
    }

    long programar(String titulo, LocalDate fecha) {
        return service.crear(new MantenimientoRequest(
                        activo.id(), "preventivo", titulo, null, null, fecha, null, null, null, null, null, null))
                .id();
    }

    static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    String estadoActivo() {
        return jdbc.sql("SELECT estado FROM activos WHERE id = ?")
                .param(activo.id())
                .query(String.class)
                .single();
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        assertThat(mvc.get().uri("/mantenimientos"))
                .hasStatus(302)
                .redirectedUrl()
                .contains("/login");
        assertThat(mvc.get().uri("/mantenimientos/nuevo"))
                .hasStatus(302)
                .redirectedUrl()
                .contains("/login");
    }

    @Test
    void aReaderSeesTheListButNoActionsAndCannotWrite() {
        TestUser lector = users.create(Rol.LECTOR);
        long id = programar("Revisión lector", LocalDate.now().plusDays(2));
        var lista = mvc.get().uri("/mantenimientos?activo=" + activo.codigo()).with(Sesiones.de(lector));
        assertThat(lista)
                .hasStatusOk()
                .bodyText()
                .contains("Revisión lector", "href=\"/activos/" + activo.codigo() + "\"", "id=\"nav-mantenimientos\"")
                .doesNotContain("id=\"nuevo-mantenimiento\"", "id=\"iniciar-" + id + "\"");
        assertThat(mvc.get().uri("/mantenimientos/" + id).with(Sesiones.de(lector)))
                .hasStatusOk()
                .bodyText()
                .contains("Revisión lector")
                .doesNotContain("accion-iniciar", "editar-mantenimiento");
        assertThat(mvc.get().uri("/mantenimientos/nuevo").with(Sesiones.de(lector)))
                .hasStatus(403);
        assertThat(mvc.get().uri("/mantenimientos/" + id + "/editar").with(Sesiones.de(lector)))
                .hasStatus(403);
        assertThat(mvc.post()
                        .uri("/mantenimientos/" + id + "/iniciar")
                        .param("version", "0")
                        .with(csrf())
                        .with(Sesiones.de(lector)))
                .hasStatus(403);
        assertThat(mvc.post()
                        .uri("/mantenimientos")
                        .param("activoCodigo", activo.codigo())
                        .param("tipo", "preventivo")
                        .param("titulo", "No debería")
                        .with(csrf())
                        .with(Sesiones.de(lector)))
                .hasStatus(403);
        assertThat(service.buscar(id).estado()).isEqualTo(Mantenimiento.PROGRAMADO);
    }

    @Test
    void aTechnicianSchedulesFromTheAssetAndRunsTheMaintenance() throws Exception {
        assertThat(mvc.get().uri("/mantenimientos/nuevo?activo=" + activo.id()).with(Sesiones.de(tecnico)))
                .hasStatusOk()
                .bodyText()
                .contains("Programar mantenimiento", "value=\"" + activo.codigo() + "\"");
        MvcTestResult creado = mvc.post()
                .uri("/mantenimientos")
                .param("activoCodigo", activo.codigo())
                .param("tipo", "correctivo")
                .param("titulo", "Cambiar disco")
                .param("fechaProgramada", "2030-05-04")
                .param("tecnicoId", Long.toString(tecnico.id()))
                .param("costo", "120.50")
                .param("estado", "programado")
                .with(csrf())
                .with(Sesiones.de(tecnico))
                .exchange();
        assertThat(creado).hasStatus(302).flash().containsEntry("aviso", "mantenimientos.aviso.creado");
        long id = Long.parseLong(creado.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
        Mantenimiento m = service.buscar(id);
        assertThat(m.activoId()).isEqualTo(activo.id());
        assertThat(m.tipo()).isEqualTo("correctivo");
        assertThat(m.fechaProgramada()).isEqualTo(LocalDate.of(2030, 5, 4));
        assertThat(m.tecnicoId()).isEqualTo(tecnico.id());
        assertThat(m.costo()).isEqualByComparingTo("120.50");
        assertThat(m.estado()).isEqualTo(Mantenimiento.PROGRAMADO);

        assertThat(mvc.get().uri("/mantenimientos/" + id).with(Sesiones.de(tecnico)))
                .hasStatusOk()
                .bodyText()
                .contains("Cambiar disco", "accion-iniciar", "accion-completar", "accion-cancelar")
                .doesNotContain("eliminar-mantenimiento");

        assertThat(mvc.post()
                        .uri("/mantenimientos/" + id + "/iniciar")
                        .param("version", Integer.toString(m.version()))
                        .with(csrf())
                        .with(Sesiones.de(tecnico)))
                .hasStatus(302)
                .hasRedirectedUrl("/mantenimientos/" + id);
        assertThat(service.buscar(id).estado()).isEqualTo(Mantenimiento.EN_PROGRESO);
        assertThat(estadoActivo()).isEqualTo("En mantenimiento");

        assertThat(mvc.post()
                        .uri("/mantenimientos/" + id + "/completar")
                        .param("version", Integer.toString(service.buscar(id).version()))
                        .param("volver", "lista")
                        .with(csrf())
                        .with(Sesiones.de(tecnico)))
                .hasStatus(302)
                .hasRedirectedUrl("/mantenimientos");
        Mantenimiento completado = service.buscar(id);
        assertThat(completado.estado()).isEqualTo(Mantenimiento.COMPLETADO);
        assertThat(completado.fechaCompletado()).isNotNull();
        assertThat(estadoActivo()).isEqualTo("Activo");
        assertThat(mvc.get().uri("/mantenimientos/" + id).with(Sesiones.de(tecnico)))
                .bodyText()
                .contains("Completado")
                .doesNotContain("accion-iniciar", "accion-completar");
    }

    @Test
    void finishingAMaintenanceGivesTheAssetBackItsEarlierEstado() {
        jdbc.sql("UPDATE activos SET estado = 'En reparación' WHERE id = ?")
                .param(activo.id())
                .update();
        long primero = programar("Diagnóstico", LocalDate.now());
        long segundo = programar("Cambio de placa", LocalDate.now());
        accion(primero, "iniciar");
        assertThat(estadoActivo()).isEqualTo("En mantenimiento");
        accion(segundo, "iniciar");
        accion(primero, "completar");
        assertThat(estadoActivo())
                .as("another maintenance is still in progress")
                .isEqualTo("En mantenimiento");
        accion(segundo, "cancelar");
        assertThat(estadoActivo()).isEqualTo("En reparación");
        // And the next round remembers the estado of that moment.
        jdbc.sql("UPDATE activos SET estado = 'En almacén' WHERE id = ?")
                .param(activo.id())
                .update();
        long tercero = programar("Revisión de almacén", LocalDate.now());
        accion(tercero, "iniciar");
        accion(tercero, "completar");
        assertThat(estadoActivo()).isEqualTo("En almacén");
    }

    void accion(long id, String accion) {
        assertThat(mvc.post()
                        .uri("/mantenimientos/" + id + "/" + accion)
                        .param("version", Integer.toString(service.buscar(id).version()))
                        .with(csrf())
                        .with(Sesiones.de(tecnico)))
                .hasStatus(302)
                .flash()
                .containsEntry("aviso", "mantenimientos.aviso." + accion);
    }

    @Test
    void aStaleVersionIsRefusedWithAClearMessage() {
        long id = programar("Doble pestaña", LocalDate.now().plusDays(1));
        int visto = service.buscar(id).version();
        assertThat(mvc.post()
                        .uri("/mantenimientos/" + id + "/iniciar")
                        .param("version", Integer.toString(visto))
                        .with(csrf())
                        .with(Sesiones.de(tecnico)))
                .hasStatus(302);
        assertThat(mvc.post()
                        .uri("/mantenimientos/" + id + "/cancelar")
                        .param("version", Integer.toString(visto))
                        .with(csrf())
                        .with(Sesiones.de(tecnico)))
                .hasStatus(302)
                .flash()
                .containsEntry("error", "mantenimientos.error.conflicto");
        assertThat(service.buscar(id).estado()).isEqualTo(Mantenimiento.EN_PROGRESO);

        MvcTestResult edicion = mvc.post()
                .uri("/mantenimientos/" + id)
                .param("activoCodigo", activo.codigo())
                .param("tipo", "preventivo")
                .param("titulo", "Mi versión")
                .param("estado", "programado")
                .param("version", Integer.toString(visto))
                .with(csrf())
                .with(Sesiones.de(tecnico))
                .exchange();
        assertThat(edicion)
                .hasStatusOk()
                .bodyText()
                .contains("Otra persona cambió este mantenimiento", "id=\"conflicto\"", "En progreso")
                .contains("name=\"version\" id=\"version\" value=\""
                        + service.buscar(id).version() + "\"");
        assertThat(service.buscar(id).titulo()).isEqualTo("Doble pestaña");
    }

    @Test
    void editingKeepsTheCompletionDateAndChangesTheFields() {
        long id = programar("Para editar", LocalDate.now().plusDays(3));
        assertThat(mvc.get().uri("/mantenimientos/" + id + "/editar").with(Sesiones.de(tecnico)))
                .hasStatusOk()
                .bodyText()
                .contains("Editar mantenimiento", "value=\"Para editar\"");
        assertThat(mvc.post()
                        .uri("/mantenimientos/" + id)
                        .param("activoCodigo", activo.codigo())
                        .param("tipo", "emergencia")
                        .param("titulo", "Editado")
                        .param("estado", "completado")
                        .param("notas", "Hecho")
                        .param("version", Integer.toString(service.buscar(id).version()))
                        .with(csrf())
                        .with(Sesiones.de(tecnico)))
                .hasStatus(302)
                .hasRedirectedUrl("/mantenimientos/" + id);
        Mantenimiento m = service.buscar(id);
        assertThat(m.titulo()).isEqualTo("Editado");
        assertThat(m.tipo()).isEqualTo("emergencia");
        assertThat(m.notas()).isEqualTo("Hecho");
        var completado = m.fechaCompletado();
        assertThat(completado).isNotNull();
        assertThat(mvc.post()
                        .uri("/mantenimientos/" + id)
                        .param("activoCodigo", activo.codigo())
                        .param("tipo", "emergencia")
                        .param("titulo", "Editado otra vez")
                        .param("estado", "completado")
                        .param("version", Integer.toString(m.version()))
                        .with(csrf())
                        .with(Sesiones.de(tecnico)))
                .hasStatus(302);
        assertThat(service.buscar(id).fechaCompletado()).isEqualTo(completado);
    }

    @Test
    void badInputIsShownNextToTheFields() {
        assertThat(mvc.post()
                        .uri("/mantenimientos")
                        .param("activoCodigo", "NO-EXISTE-123")
                        .param("tipo", "preventivo")
                        .param("titulo", "")
                        .param("costo", "-3")
                        .with(csrf())
                        .with(Sesiones.de(tecnico)))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "No existe ningún activo con este código.",
                        "Este campo es obligatorio.",
                        "El costo debe ser un importe positivo",
                        "is-invalid");
        assertThat(mvc.post()
                        .uri("/mantenimientos")
                        .param("activoCodigo", activo.codigo())
                        .param("tipo", "preventivo")
                        .param("titulo", "Fecha rara")
                        .param("fechaProgramada", "2024-13-45")
                        .with(csrf())
                        .with(Sesiones.de(tecnico)))
                .hasStatusOk()
                .bodyText()
                .contains("El valor no tiene el formato esperado.", "value=\"Fecha rara\"");
        assertThat(mvc.post()
                        .uri("/mantenimientos")
                        .param("activoCodigo", activo.codigo())
                        .param("tipo", "rutinario")
                        .param("titulo", "Tipo raro")
                        .param("tecnicoId", "987654321")
                        .with(csrf())
                        .with(Sesiones.de(tecnico)))
                .hasStatusOk()
                .bodyText()
                .contains("Elija un tipo de la lista", "Ese técnico ya no existe")
                .doesNotContain("must be one of", "does not exist");
        assertThat(jdbc.sql("SELECT count(*) FROM mantenimientos WHERE activo_id = ?")
                        .param(activo.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(mvc.get().uri("/mantenimientos/987654321").with(Sesiones.de(tecnico)))
                .hasStatus(404);
        assertThat(mvc.get().uri("/mantenimientos/nuevo?activo=987654321").with(Sesiones.de(tecnico)))
                .hasStatus(404);
        assertThat(mvc.get().uri("/mantenimientos?desde=2024-02-31").with(Sesiones.de(tecnico)))
                .hasStatus(400)
                .bodyText()
                .contains("Un filtro no es válido", "is-invalid");
        assertThat(mvc.get().uri("/mantenimientos?activo=NO-EXISTE-123").with(Sesiones.de(tecnico)))
                .hasStatus(400)
                .bodyText()
                .contains("No existe ningún activo con ese código.");
        assertThat(mvc.get()
                        .uri("/mantenimientos?activo=NO-EXISTE-123")
                        .header("HX-Request", "true")
                        .with(Sesiones.de(tecnico)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"error-filtro\"", "No existe ningún activo con ese código.")
                .doesNotContain("<html");
    }

    @Test
    void aDecimalCommaIsAcceptedAndAFailedFormKeepsEveryValueAndEveryError() throws Exception {
        // Every error at once (a malformed cost, a missing title, an unknown technician), every
        // value kept: the date above all, which used to come back empty.
        String pagina = body(mvc.post()
                .uri("/mantenimientos")
                .param("activoCodigo", activo.codigo())
                .param("tipo", "correctivo")
                .param("titulo", "")
                .param("descripcion", "Ventilador ruidoso")
                .param("fechaProgramada", "2031-02-03")
                .param("costo", "85,5x")
                .param("notas", "Llamar antes")
                .param("estado", "programado")
                .with(csrf())
                .with(Sesiones.de(tecnico))
                .exchange());
        assertThat(pagina)
                .contains("value=\"2031-02-03\"", "value=\"85,5x\"", "Ventilador ruidoso", "Llamar antes")
                .contains("El valor no tiene el formato esperado.", "Este campo es obligatorio.")
                .contains("<option value=\"correctivo\" selected=\"selected\"");
        // The Spanish way of writing numbers and dates is accepted, and shown back the same way.
        MvcTestResult creado = mvc.post()
                .uri("/mantenimientos")
                .param("activoCodigo", activo.codigo())
                .param("tipo", "correctivo")
                .param("titulo", "Ventilador")
                .param("fechaProgramada", "03/02/2031")
                .param("costo", "1.285,50")
                .param("estado", "programado")
                .with(csrf())
                .with(Sesiones.de(tecnico))
                .exchange();
        assertThat(creado).hasStatus(302);
        long id = Long.parseLong(creado.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
        Mantenimiento m = service.buscar(id);
        assertThat(m.costo()).isEqualByComparingTo("1285.50");
        assertThat(m.fechaProgramada()).isEqualTo(LocalDate.of(2031, 2, 3));
        assertThat(body(mvc.get()
                        .uri("/mantenimientos/" + id + "/editar")
                        .with(Sesiones.de(tecnico))
                        .exchange()))
                .contains("value=\"1285,50\"", "value=\"2031-02-03\"");
        // In English a comma groups thousands and a point is the decimal mark.
        MvcTestResult ingles = mvc.post()
                .uri("/mantenimientos?lang=en")
                .param("activoCodigo", activo.codigo())
                .param("tipo", "correctivo")
                .param("titulo", "Fan")
                .param("fechaProgramada", "2031-02-03")
                .param("costo", "1,285.50")
                .param("estado", "programado")
                .with(csrf())
                .with(Sesiones.de(tecnico))
                .exchange();
        assertThat(ingles).hasStatus(302);
        long otro = Long.parseLong(ingles.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
        assertThat(service.buscar(otro).costo()).isEqualByComparingTo("1285.50");
    }

    @Test
    void theQueuesShowWhatIsDueAndWhatIsOverdue() {
        programar("Atrasado", LocalDate.now().minusDays(3));
        programar("Para hoy", LocalDate.now());
        programar("Dentro de un mes", LocalDate.now().plusDays(30));
        String base = "/mantenimientos?activo=" + activo.codigo();
        assertThat(mvc.get().uri(base + "&cola=vencidos").with(Sesiones.de(tecnico)))
                .bodyText()
                .contains("Atrasado", "Vencido")
                .doesNotContain("Para hoy", "Dentro de un mes");
        assertThat(mvc.get().uri(base + "&cola=pendientes").with(Sesiones.de(tecnico)))
                .bodyText()
                .contains("Para hoy")
                .doesNotContain("Atrasado", "Dentro de un mes");
        assertThat(mvc.get().uri(base).with(Sesiones.de(tecnico)))
                .bodyText()
                .contains("Atrasado", "Para hoy", "Dentro de un mes", "Mantenimientos que cumplen los filtros: 3.");
        assertThat(mvc.get()
                        .uri(base + "&desde=" + LocalDate.now() + "&hasta="
                                + LocalDate.now().plusDays(7) + "&tipo=preventivo&estado=programado")
                        .with(Sesiones.de(tecnico)))
                .bodyText()
                .contains("Para hoy")
                .doesNotContain("Atrasado", "Dentro de un mes");
    }

    @Test
    void theFiltersAnswerTheTableFragmentToHtmx() {
        programar("Fragmento", LocalDate.now());
        MvcTestResult fragment = mvc.get()
                .uri("/mantenimientos?activo=" + activo.codigo())
                .header("HX-Request", "true")
                .with(Sesiones.de(tecnico))
                .exchange();
        assertThat(fragment)
                .hasStatusOk()
                .bodyText()
                .contains("id=\"tabla-mantenimientos\"", "Fragmento")
                .doesNotContain("<html", "filtros-mantenimientos");
        assertThat(fragment).hasHeader("Vary", "HX-Request");
    }

    @Test
    void theListPagesThroughLongLists() {
        for (int i = 0; i < FiltroMantenimientos.POR_PAGINA + 2; i++) {
            programar("Página " + i, LocalDate.now().plusDays(i));
        }
        String base = "/mantenimientos?activo=" + activo.codigo();
        assertThat(mvc.get().uri(base).with(Sesiones.de(tecnico)))
                .bodyText()
                .contains("Página 1 de 2", "id=\"pagina-siguiente\"", "activo=" + activo.codigo() + "&amp;page=2");
        assertThat(mvc.get().uri(base + "&page=2").with(Sesiones.de(tecnico)))
                .bodyText()
                .contains("Página 2 de 2", "Página 0", "Página 1<")
                .doesNotContain("Página 26");
    }

    @Test
    void textIsShownAsTextNeverAsMarkup() throws Exception {
        long id = service.crear(new MantenimientoRequest(
                        activo.id(), "preventivo", XSS, XSS, null, LocalDate.now(), null, null, null, XSS, null, null))
                .id();
        String lista = body(mvc.get()
                .uri("/mantenimientos?activo=" + activo.codigo())
                .with(Sesiones.de(tecnico))
                .exchange());
        assertThat(lista).doesNotContain(XSS).contains(XSS_ESCAPADO);
        String detalle = body(mvc.get()
                .uri("/mantenimientos/" + id)
                .with(Sesiones.de(tecnico))
                .exchange());
        assertThat(detalle).doesNotContain(XSS).contains(XSS_ESCAPADO);
        String edicion = body(mvc.get()
                .uri("/mantenimientos/" + id + "/editar")
                .with(Sesiones.de(tecnico))
                .exchange());
        assertThat(edicion).doesNotContain(XSS).contains(XSS_ESCAPADO);
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        long id = programar("Sin token", LocalDate.now());
        assertThat(mvc.post()
                        .uri("/mantenimientos/" + id + "/iniciar")
                        .param("version", "0")
                        .with(Sesiones.de(tecnico)))
                .hasStatus(403);
        assertThat(service.buscar(id).estado()).isEqualTo(Mantenimiento.PROGRAMADO);
    }

    @Test
    void onlyAnAdministratorDeletes() {
        long id = programar("Para borrar", LocalDate.now());
        int version = service.buscar(id).version();
        assertThat(mvc.post()
                        .uri("/mantenimientos/" + id + "/eliminar")
                        .param("version", Integer.toString(version))
                        .with(csrf())
                        .with(Sesiones.de(tecnico)))
                .hasStatus(403);
        TestUser admin = users.create(Rol.ADMIN);
        assertThat(mvc.get().uri("/mantenimientos/" + id).with(Sesiones.de(admin)))
                .bodyText()
                .contains("eliminar-mantenimiento");
        assertThat(mvc.post()
                        .uri("/mantenimientos/" + id + "/eliminar")
                        .param("version", Integer.toString(version))
                        .with(csrf())
                        .with(Sesiones.de(admin)))
                .hasStatus(302)
                .hasRedirectedUrl("/mantenimientos");
        assertThat(mvc.get().uri("/mantenimientos/" + id).with(Sesiones.de(admin)))
                .hasStatus(404);
    }
}
