package org.inventarioti.mantenimientos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.inventarioti.support.Filas;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Sesiones;
import org.inventarioti.support.TestUsers;
import org.inventarioti.support.TestUsers.TestUser;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Ticking a record's checklist in the pages: shown, required to complete, kept on every error and edit. */
@InventarioTest
class ChecklistWebTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MantenimientoService service;

    private MvcTestResult guardar(long id, TestUser quien, String titulo, String... resultadosYNotas) {
        MockHttpServletRequestBuilder post = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/mantenimientos/" + id)
                .param(
                        "activoCodigo",
                        jdbc.sql("SELECT a.codigo FROM activos a JOIN mantenimientos m ON m.activo_id = a.id"
                                        + " WHERE m.id = ?")
                                .param(id)
                                .query(String.class)
                                .single())
                .param("tipo", "preventivo")
                .param("titulo", titulo)
                .param("estado", "completado")
                .param("version", Integer.toString(service.buscar(id).version()))
                .with(csrf())
                .with(Sesiones.de(quien));
        for (int i = 0; i < resultadosYNotas.length / 2; i++) {
            post.param("tareas[" + i + "]", i == 0 ? "Limpiar" : "Actualizar BIOS")
                    .param("resultados[" + i + "]", resultadosYNotas[2 * i])
                    .param("notasTarea[" + i + "]", resultadosYNotas[2 * i + 1]);
        }
        return mvc.perform(post);
    }

    @Test
    void aTechnicianTicksTheTasksToCompleteAndNothingIsLostOnTheWay() {
        TestUser tecnico = users.create(Rol.TECNICO);
        Filas filas = new Filas(jdbc);
        long categoria = filas.categoria(Filas.unico("Checklist web"));
        Filas.Activo activo = filas.activo(categoria, "Impresora", "Activo", "Planta 1", BigDecimal.ONE, "EUR");
        long id = service.crear(new MantenimientoRequest(
                        activo.id(),
                        "preventivo",
                        "Revisión",
                        null,
                        null,
                        LocalDate.now(),
                        null,
                        null,
                        null,
                        null,
                        java.util.List.of(new Tarea("Limpiar", null, null), new Tarea("Actualizar BIOS", null, null)),
                        null))
                .id();

        assertThat(mvc.get().uri("/mantenimientos/" + id).with(Sesiones.de(tecnico)))
                .hasStatusOk()
                .bodyText()
                .contains("Lista de tareas", "Limpiar", "Actualizar BIOS", "Sin marcar");

        // The one-click "Completar" cannot tick the tasks: it opens the form, set to completado.
        assertThat(mvc.post()
                        .uri("/mantenimientos/" + id + "/completar")
                        .param("version", Integer.toString(service.buscar(id).version()))
                        .with(csrf())
                        .with(Sesiones.de(tecnico)))
                .hasStatus(302)
                .hasRedirectedUrl("/mantenimientos/" + id + "/editar?estado=completado");
        assertThat(mvc.get()
                        .uri("/mantenimientos/" + id + "/editar?estado=completado")
                        .with(Sesiones.de(tecnico)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"checklist\"", "value=\"completado\" selected", "name=\"resultados[1]\"");
        assertThat(service.buscar(id).estado()).isEqualTo("programado");

        // A task not done without a note: the form comes back with every value and the error on that note.
        MvcTestResult sinNota = guardar(id, tecnico, "Repaso anual", "hecha", "", "no_hecha", "");
        assertThat(sinNota).hasStatusOk();
        assertThat(sinNota)
                .bodyText()
                .contains("Diga por qué no se hizo esta tarea", "value=\"Repaso anual\"")
                .containsPattern("value=\"hecha\"\\s+selected")
                .containsPattern("value=\"no_hecha\"\\s+selected");
        assertThat(service.buscar(id).estado()).isEqualTo("programado");

        // Unticked tasks are named above the form.
        assertThat(guardar(id, tecnico, "Repaso anual", "hecha", "", "", ""))
                .bodyText()
                .contains("Marque cada tarea de la lista");

        assertThat(guardar(id, tecnico, "Repaso anual", "hecha", "", "no_hecha", "Sin parche"))
                .hasStatus(302)
                .hasRedirectedUrl("/mantenimientos/" + id);
        Mantenimiento hecho = service.buscar(id);
        assertThat(hecho.estado()).isEqualTo("completado");
        assertThat(hecho.checklist().get(0).path("resultado").asString()).isEqualTo("hecha");
        assertThat(hecho.checklist().get(1).path("nota").asString()).isEqualTo("Sin parche");
        assertThat(mvc.get().uri("/mantenimientos/" + id).with(Sesiones.de(tecnico)))
                .bodyText()
                .contains("Hecha", "No hecha", "Sin parche");

        // A form that does not send the tasks (an older page, a script) keeps them.
        assertThat(guardar(id, tecnico, "Repaso anual (editada)")).hasStatus(302);
        assertThat(service.buscar(id).checklist().size()).isEqualTo(2);
        assertThat(service.buscar(id).checklist().get(1).path("nota").asString())
                .isEqualTo("Sin parche");
    }

    @Test
    void aReaderCannotTickTasks() {
        TestUser lector = users.create(Rol.LECTOR);
        Filas filas = new Filas(jdbc);
        long categoria = filas.categoria(Filas.unico("Checklist lector"));
        Filas.Activo activo = filas.activo(categoria, "Switch", "Activo", "CPD", BigDecimal.ONE, "EUR");
        long id = service.crear(new MantenimientoRequest(
                        activo.id(),
                        "preventivo",
                        "Revisión",
                        null,
                        null,
                        LocalDate.now(),
                        null,
                        null,
                        null,
                        null,
                        java.util.List.of(new Tarea("Limpiar", null, null)),
                        null))
                .id();
        assertThat(guardar(id, lector, "Revisión", "hecha", "")).hasStatus(403);
        assertThat(service.buscar(id).estado()).isEqualTo("programado");
    }
}
