package org.inventarioti.planes;

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

/** The plan pages under Mantenimiento: create through the form, read, pause/resume/end, errors, roles. */
@InventarioTest
class PlanWebControllerTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    private MvcTestResult enviar(TestUser quien, String uri, String... campos) {
        var post = mvc.post().uri(uri).with(csrf()).with(Sesiones.de(quien));
        for (int i = 0; i < campos.length; i += 2) {
            post = post.param(campos[i], campos[i + 1]);
        }
        return post.exchange();
    }

    /** The errors a re-shown form says (to read a failure). */
    private static String errores(MvcTestResult result) {
        var m = java.util.regex.Pattern.compile("(invalid-feedback|alert-danger)[^>]*>([^<]+)<")
                .matcher(org.inventarioti.support.Api.body(result));
        StringBuilder s = new StringBuilder();
        while (m.find()) {
            s.append(m.group(2).strip()).append(" | ");
        }
        String body = org.inventarioti.support.Api.body(result);
        int at = body.indexOf("id=\"form-plan\"");
        return result.getResponse().getStatus() + " " + s + " "
                + body.substring(Math.max(0, at), Math.min(body.length(), Math.max(0, at) + 1500));
    }

    @Test
    void aTechnicianPlansTheFirstMondayOfEachQuarterForAnAssetAndManagesThePlan() {
        TestUser tecnico = users.create(Rol.TECNICO);
        Filas filas = new Filas(jdbc);
        long categoria = filas.categoria(Filas.unico("Planes web"));
        Filas.Activo activo = filas.activo(categoria, "Servidor", "Activo", "CPD", BigDecimal.ONE, "EUR");
        LocalDate inicio = LocalDate.now().withDayOfMonth(1);

        // Bad input: every error at once next to its field, every value kept.
        MvcTestResult mal = enviar(
                tecnico,
                "/mantenimientos/planes",
                "titulo",
                "Revision trimestral",
                "alcance",
                "activo",
                "activoCodigo",
                activo.codigo(),
                "cada",
                "tres",
                "unidad",
                "meses",
                "fechaInicio",
                "2026-02-31",
                "desde",
                "programada",
                "estado",
                "activo");
        assertThat(mal).hasStatusOk();
        assertThat(mal)
                .bodyText()
                .contains(
                        "value=\"Revision trimestral\"",
                        "value=\"tres\"",
                        "id=\"cada-error\"",
                        "id=\"fechaInicio-error\"");
        MvcTestResult regla = enviar(
                tecnico,
                "/mantenimientos/planes",
                "titulo",
                "Revision trimestral",
                "alcance",
                "activo",
                "activoCodigo",
                activo.codigo(),
                "cada",
                "2",
                "unidad",
                "semanas",
                "reglaOrdinal",
                "1",
                "reglaDiaSemana",
                "1",
                "fechaInicio",
                inicio.toString(),
                "desde",
                "programada",
                "estado",
                "activo");
        assertThat(regla).hasStatusOk();
        assertThat(regla).bodyText().contains("necesita la unidad meses");

        MvcTestResult creado = enviar(
                tecnico,
                "/mantenimientos/planes",
                "titulo",
                "Revision trimestral",
                "alcance",
                "activo",
                "activoCodigo",
                activo.codigo(),
                "cada",
                "3",
                "unidad",
                "meses",
                "reglaOrdinal",
                "1",
                "reglaDiaSemana",
                "1",
                "fechaInicio",
                inicio.toString(),
                "anticipacionDias",
                "200",
                "desde",
                "programada",
                "checklist",
                "Limpiar\n\nRevisar SAI\n",
                "estado",
                "activo",
                "tecnicoId",
                Long.toString(tecnico.id()));
        assertThat(creado.getResponse().getStatus()).as(() -> errores(creado)).isEqualTo(302);
        String url = creado.getResponse().getRedirectedUrl();
        long plan = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("SELECT checklist FROM planes WHERE id = ?")
                        .param(plan)
                        .query(String.class)
                        .single())
                .isEqualTo("{Limpiar,\"Revisar SAI\"}");

        assertThat(mvc.get().uri(url).with(Sesiones.de(tecnico)))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "Revision trimestral",
                        "Cada 3 meses",
                        "el primer lunes del mes",
                        "Activo " + activo.codigo(),
                        "Revisar SAI",
                        "Programado: ");
        assertThat(mvc.get().uri("/mantenimientos/planes").with(Sesiones.de(tecnico)))
                .bodyText()
                .contains("Revision trimestral", "Activo " + activo.codigo());
        // Ending asks first, naming the plan.
        assertThat(mvc.get().uri(url).with(Sesiones.de(tecnico)))
                .bodyText()
                .contains("data-confirmar=\"¿Finalizar el plan «Revision trimestral»?");

        assertThat(enviar(tecnico, url + "/pausar", "version", "0")).hasStatus(302);
        assertThat(jdbc.sql("SELECT estado FROM planes WHERE id = ?")
                        .param(plan)
                        .query(String.class)
                        .single())
                .isEqualTo("pausado");
        assertThat(jdbc.sql("SELECT count(*) FROM mantenimientos WHERE plan_id = ? AND estado = 'programado'")
                        .param(plan)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(enviar(tecnico, url + "/reanudar", "version", "0"))
                .hasStatus(302)
                .flash()
                .containsEntry("error", "planes.error.conflicto");
        assertThat(enviar(tecnico, url + "/reanudar", "version", "1")).hasStatus(302);
        assertThat(jdbc.sql("SELECT count(*) FROM mantenimientos WHERE plan_id = ? AND estado = 'programado'")
                        .param(plan)
                        .query(Integer.class)
                        .single())
                .isPositive();

        // Editing shows the stored values.
        assertThat(mvc.get().uri(url + "/editar").with(Sesiones.de(tecnico)))
                .hasStatusOk()
                .bodyText()
                .contains("value=\"Revision trimestral\"", "Limpiar\nRevisar SAI", "value=\"" + activo.codigo() + "\"");
    }

    @Test
    void readersSeePlansButCannotChangeThem() {
        TestUser tecnico = users.create(Rol.TECNICO);
        TestUser lector = users.create(Rol.LECTOR);
        Filas filas = new Filas(jdbc);
        long categoria = filas.categoria(Filas.unico("Planes lector"));
        assertThat(enviar(
                        tecnico,
                        "/mantenimientos/planes",
                        "titulo",
                        "Limpieza",
                        "alcance",
                        "categoria",
                        "categoriaId",
                        Long.toString(categoria),
                        "cada",
                        "1",
                        "unidad",
                        "meses",
                        "fechaInicio",
                        LocalDate.now().toString(),
                        "desde",
                        "programada",
                        "estado",
                        "activo"))
                .hasStatus(302);
        long plan = jdbc.sql("SELECT id FROM planes WHERE categoria_id = ?")
                .param(categoria)
                .query(Long.class)
                .single();
        assertThat(mvc.get().uri("/mantenimientos/planes/" + plan).with(Sesiones.de(lector)))
                .hasStatusOk()
                .bodyText()
                .contains("Limpieza")
                .doesNotContain("id=\"acciones-plan\"");
        assertThat(mvc.get().uri("/mantenimientos/planes/nuevo").with(Sesiones.de(lector)))
                .hasStatus(403);
        assertThat(mvc.get().uri("/mantenimientos/planes/" + plan + "/editar").with(Sesiones.de(lector)))
                .hasStatus(403);
        assertThat(enviar(lector, "/mantenimientos/planes/" + plan + "/pausar", "version", "0"))
                .hasStatus(403);
        assertThat(enviar(lector, "/mantenimientos/planes", "titulo", "X", "cada", "1", "unidad", "dias"))
                .hasStatus(403);
        assertThat(jdbc.sql("SELECT estado FROM planes WHERE id = ?")
                        .param(plan)
                        .query(String.class)
                        .single())
                .isEqualTo("activo");
        TestUser admin = users.create(Rol.ADMIN);
        assertThat(enviar(admin, "/mantenimientos/planes/" + plan + "/finalizar", "version", "0"))
                .hasStatus(302);
        assertThat(jdbc.sql("SELECT estado FROM planes WHERE id = ?")
                        .param(plan)
                        .query(String.class)
                        .single())
                .isEqualTo("finalizado");
        assertThat(mvc.get().uri("/mantenimientos/planes").with(Sesiones.de(lector)))
                .hasStatusOk()
                .bodyText()
                .contains("Finalizado");
    }
}
