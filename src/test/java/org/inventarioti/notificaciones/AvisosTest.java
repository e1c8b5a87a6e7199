package org.inventarioti.notificaciones;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.inventarioti.jobs.Job;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestUsers;
import org.inventarioti.support.TestUsers.TestUser;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The reminder jobs: due and overdue maintenance to its technician, warranties ending in 30 and 7
 * days to the administrators, a daily digest; in each recipient's language, not to those who
 * unsubscribed, and never queued twice however often the jobs run.
 */
@InventarioTest
class AvisosTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<Job> jobs;

    @Autowired
    PreferenciasRepository preferencias;

    final LocalDate hoy = LocalDate.now(ZoneOffset.UTC);

    private String run(String nombre) throws Exception {
        return jobs.stream()
                .filter(j -> j.nombre().equals(nombre))
                .findFirst()
                .orElseThrow()
                .ejecutar();
    }

    private List<String[]> correos(String email) {
        return jdbc.sql("SELECT evento, asunto, cuerpo FROM ops_notificaciones WHERE canal = 'email' AND destino = ?"
                        + " ORDER BY id")
                .param(email)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list();
    }

    private long activo(Api api, LocalDate garantia) {
        long laptop = jdbc.sql("SELECT id FROM categorias WHERE nombre = 'Laptop'")
                .query(Long.class)
                .single();
        MvcTestResult r = api.post(
                "/api/activos",
                "{\"categoria_id\": " + laptop + ", \"nombre\": \"Portátil aviso\", \"numero_serie\": \""
                        + Api.unique("AV") + "\", \"garantia_hasta\": \"" + garantia
                        + "\", \"especificaciones\": {\"cpu\": \"i7\", \"ram\": \"16GB\"}}");
        assertThat(r).hasStatus(201);
        return Api.id(r);
    }

    private void mantenimiento(Api api, long activo, String titulo, LocalDate fecha, long tecnico) {
        assertThat(api.post(
                        "/api/mantenimientos",
                        "{\"activo_id\": " + activo + ", \"tipo\": \"preventivo\", \"titulo\": \"" + titulo
                                + "\", \"fecha_programada\": \"" + fecha + "\", \"tecnico_id\": " + tecnico + "}"))
                .hasStatus(201);
    }

    @Test
    void dueAndOverdueMaintenanceGoesToItsTechnicianOnceInTheirLanguage() throws Exception {
        TestUser es = users.create(Rol.TECNICO);
        TestUser en = users.create(Rol.TECNICO);
        TestUser baja = users.create(Rol.TECNICO);
        preferencias.guardar(en.id(), "en", Set.of());
        preferencias.desactivar(baja.id(), AvisosService.VENCE);
        Api api = new Api(mvc, es);
        long activo = activo(api, hoy.plusYears(2));
        for (TestUser t : List.of(es, en, baja)) {
            mantenimiento(api, activo, "Limpieza", hoy.plusDays(1), t.id());
            mantenimiento(api, activo, "Revisión", hoy.minusDays(2), t.id());
            mantenimiento(api, activo, "Lejano", hoy.plusDays(10), t.id());
        }

        run("avisar-mantenimientos");
        run("avisar-mantenimientos");

        List<String[]> suyos = correos(es.email());
        assertThat(suyos)
                .extracting(c -> c[0])
                .containsExactlyInAnyOrder("mantenimiento.vence", "mantenimiento.vencido");
        assertThat(suyos).extracting(c -> c[1]).anyMatch(s -> s.startsWith("Mantenimiento próximo: Limpieza (TI-"));
        assertThat(suyos).extracting(c -> c[2]).anyMatch(s -> s.contains("sigue abierto"));
        assertThat(correos(en.email()))
                .extracting(c -> c[1])
                .anyMatch(s -> s.startsWith("Maintenance overdue: Revisión"));
        assertThat(correos(baja.email()))
                .as("unsubscribed from mantenimiento.vence")
                .extracting(c -> c[0])
                .containsExactly("mantenimiento.vencido");

        run("resumen-diario");
        run("resumen-diario");
        List<String[]> resumen = correos(es.email()).stream()
                .filter(c -> c[0].equals("resumen.diario"))
                .toList();
        assertThat(resumen).hasSize(1);
        assertThat(resumen.get(0)[2])
                .contains("Tiene 2 mantenimientos", "Limpieza", "Revisión (vencido)")
                .doesNotContain("Lejano");
        assertThat(correos(en.email()))
                .filteredOn(c -> c[0].equals("resumen.diario"))
                .singleElement()
                .satisfies(c -> assertThat(c[2]).contains("Revisión (overdue)"));
    }

    @Test
    void warrantiesEndingIn30And7DaysAreToldToEachAdministratorOnceEach() throws Exception {
        TestUser admin = users.create(Rol.ADMIN);
        Api api = new Api(mvc, admin);
        long en20 = activo(api, hoy.plusDays(20));
        long en5 = activo(api, hoy.plusDays(5));
        long en60 = activo(api, hoy.plusDays(60));
        String codigo20 = Api.read(api.get("/api/activos/" + en20), "$.codigo");
        String codigo60 = Api.read(api.get("/api/activos/" + en60), "$.codigo");
        String codigo5 = Api.read(api.get("/api/activos/" + en5), "$.codigo");

        run("avisar-garantias");
        run("avisar-garantias");

        List<String> asuntos = correos(admin.email()).stream()
                .filter(c -> c[0].equals("garantia.vence"))
                .map(c -> c[1])
                .toList();
        assertThat(asuntos)
                .contains(
                        "La garantía de " + codigo20 + " termina en 30 días o menos",
                        "La garantía de " + codigo5 + " termina en 7 días o menos")
                .noneMatch(s -> s.contains(codigo60));
        assertThat(asuntos.stream().filter(s -> s.contains(codigo20) || s.contains(codigo5)))
                .hasSize(2);
        assertThat(jdbc.sql("SELECT count(*) FROM ops_notificaciones WHERE clave LIKE ?")
                        .param("email:garantia.vence:" + en20 + ":%")
                        .query(Integer.class)
                        .single())
                .as("only administrators")
                .isEqualTo(jdbc.sql("SELECT count(*) FROM ops_notificaciones WHERE clave LIKE ?")
                        .param("email:garantia.vence:" + en5 + ":%")
                        .query(Integer.class)
                        .single());
    }
}
