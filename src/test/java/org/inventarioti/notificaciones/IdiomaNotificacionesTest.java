package org.inventarioti.notificaciones;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * Every kind of notification e-mail in its recipient's language, one of each in Spanish and in
 * English: maintenance due (of a plan's record) and overdue, warranty ending, the daily digest, the
 * plan's "records scheduled" notice and an ops event — words and dates alike.
 */
@InventarioTest
class IdiomaNotificacionesTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PreferenciasRepository preferencias;

    @Autowired
    AvisosService avisos;

    @Autowired
    NotificacionService notificaciones;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    final LocalDate hoy = LocalDate.now(ZoneOffset.UTC);

    /** The {asunto, cuerpo} of the warranty notice about this asset (others in the database are told too). */
    private String[] garantia(String email, String codigo) {
        return jdbc.sql("SELECT asunto, cuerpo FROM ops_notificaciones WHERE canal = 'email' AND destino = ?"
                        + " AND evento = 'garantia.vence' AND strpos(asunto, ?) > 0")
                .params(email, codigo + " ")
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
    }

    /** evento → {asunto, cuerpo} of what was queued for this address. */
    private Map<String, String[]> correos(String email) {
        Map<String, String[]> porEvento = new java.util.HashMap<>();
        jdbc.sql("SELECT evento, asunto, cuerpo FROM ops_notificaciones WHERE canal = 'email' AND destino = ?"
                        + " ORDER BY id")
                .param(email)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list()
                .forEach(c -> porEvento.putIfAbsent(c[0], new String[] {c[1], c[2]}));
        return porEvento;
    }

    private static String fecha(LocalDate d, String idioma) {
        return d.format(
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.forLanguageTag(idioma)));
    }

    private long activo(Api api, LocalDate garantia) {
        long laptop = jdbc.sql("SELECT id FROM categorias WHERE nombre = 'Laptop'")
                .query(Long.class)
                .single();
        MvcTestResult r = api.post(
                "/api/activos",
                "{\"categoria_id\": " + laptop + ", \"nombre\": \"Portátil idioma\", \"numero_serie\": \""
                        + Api.unique("ID") + "\", \"garantia_hasta\": \"" + garantia
                        + "\", \"especificaciones\": {\"cpu\": \"i7\", \"ram\": \"16GB\"}}");
        assertThat(r).hasStatus(201);
        return Api.id(r);
    }

    @Test
    void eachKindIsWrittenInItsRecipientsLanguage() {
        TestUser tecnicoEs = users.create(Rol.TECNICO);
        TestUser tecnicoEn = users.create(Rol.TECNICO);
        TestUser adminEs = users.create(Rol.ADMIN);
        TestUser adminEn = users.create(Rol.ADMIN);
        preferencias.guardar(tecnicoEn.id(), "en", Set.of());
        preferencias.guardar(adminEn.id(), "en", Set.of());
        Api api = new Api(mvc, adminEs);
        long activo = activo(api, hoy.plusDays(5));
        String codigo = Api.read(api.get("/api/activos/" + activo), "$.codigo");
        String titulo = Api.unique("Limpieza ñ");
        for (TestUser t : List.of(tecnicoEs, tecnicoEn)) {
            assertThat(api.post(
                            "/api/planes",
                            "{\"titulo\": \"" + titulo + "\", \"activo_id\": " + activo
                                    + ", \"cada\": 1, \"unidad\": \"meses\", \"fecha_inicio\": \"" + hoy.plusDays(1)
                                    + "\", \"tecnico_id\": " + t.id() + "}"))
                    .hasStatus(201);
            assertThat(api.post(
                            "/api/mantenimientos",
                            "{\"activo_id\": " + activo + ", \"tipo\": \"preventivo\", \"titulo\": \"Atrasado\","
                                    + " \"fecha_programada\": \"" + hoy.minusDays(2) + "\", \"tecnico_id\": " + t.id()
                                    + "}"))
                    .hasStatus(201);
        }
        avisos.mantenimientos();
        avisos.garantias();
        avisos.resumenes();
        String archivo = Api.unique("inventario-backup") + ".tar";
        notificaciones.avisarOps(NotificacionService.BACKUP_FALLIDO, Map.of("archivo", archivo), archivo);

        long mensuales = java.util.stream.Stream.iterate(hoy.plusDays(1), d -> d.plusMonths(1))
                .takeWhile(d -> !d.isAfter(hoy.plusDays(60)))
                .count();
        Map<String, String[]> es = correos(tecnicoEs.email());
        assertThat(es.get("plan.generado"))
                .containsExactly(
                        "Mantenimiento programado: " + titulo,
                        "El plan «" + titulo + "» programó " + mensuales + " mantenimientos en los próximos 60 días.");
        assertThat(es.get("mantenimiento.vence"))
                .containsExactly(
                        "Mantenimiento próximo: " + titulo + " (" + codigo + ")",
                        "El mantenimiento «" + titulo + "» del activo " + codigo + " está previsto para el "
                                + fecha(hoy.plusDays(1), "es") + ".");
        assertThat(es.get("mantenimiento.vencido")[0]).isEqualTo("Mantenimiento vencido: Atrasado (" + codigo + ")");
        assertThat(es.get("mantenimiento.vencido")[1]).contains(fecha(hoy.minusDays(2), "es"), "sigue abierto");
        assertThat(es.get("resumen.diario")[0]).isEqualTo("Su resumen de mantenimiento del " + fecha(hoy, "es"));
        assertThat(es.get("resumen.diario")[1])
                .startsWith("Tiene 2 mantenimientos abiertos")
                .contains("Atrasado (vencido)");

        Map<String, String[]> en = correos(tecnicoEn.email());
        assertThat(en.get("plan.generado"))
                .containsExactly(
                        "Maintenance scheduled: " + titulo,
                        "The plan \"" + titulo + "\" scheduled " + mensuales
                                + " maintenance records in the next 60 days.");
        assertThat(en.get("mantenimiento.vence"))
                .containsExactly(
                        "Maintenance due: " + titulo + " (" + codigo + ")",
                        "The maintenance \"" + titulo + "\" of asset " + codigo + " is due on "
                                + fecha(hoy.plusDays(1), "en") + ".");
        assertThat(en.get("mantenimiento.vencido")[0]).isEqualTo("Maintenance overdue: Atrasado (" + codigo + ")");
        assertThat(en.get("mantenimiento.vencido")[1]).contains(fecha(hoy.minusDays(2), "en"), "still open");
        assertThat(en.get("resumen.diario")[0]).isEqualTo("Your maintenance digest of " + fecha(hoy, "en"));
        assertThat(en.get("resumen.diario")[1])
                .startsWith("You have 2 open maintenance records")
                .contains("Atrasado (overdue)");

        assertThat(garantia(adminEs.email(), codigo))
                .containsExactly(
                        "La garantía de " + codigo + " termina en 7 días o menos",
                        "La garantía del activo " + codigo + " (Portátil idioma) termina el "
                                + fecha(hoy.plusDays(5), "es") + ".");
        assertThat(garantia(adminEn.email(), codigo))
                .containsExactly(
                        "The warranty of " + codigo + " ends in 7 days or less",
                        "The warranty of asset " + codigo + " (Portátil idioma) ends on " + fecha(hoy.plusDays(5), "en")
                                + ".");
        assertThat(correos(adminEs.email()).get("backup.fallido")[0])
                .isEqualTo("Inventario-TI: la copia de seguridad falló");
        assertThat(correos(adminEs.email()).get("backup.fallido")[1]).contains("archivo: " + archivo);
        assertThat(correos(adminEn.email()).get("backup.fallido")[0]).isEqualTo("Inventario-TI: the backup failed");
        for (TestUser t : List.of(tecnicoEs, tecnicoEn, adminEs, adminEn)) {
            Map<String, String[]> suyos = new java.util.HashMap<>(correos(t.email()));
            suyos.remove("garantia.vence"); // about every asset in the database: names of other tests' assets
            assertThat(suyos.values()).as("nothing in the other language").allSatisfy(c -> {
                if (t == tecnicoEn || t == adminEn) {
                    assertThat(c[0] + c[1]).doesNotContain("Mantenimiento", "garantía", "copia de seguridad");
                } else {
                    assertThat(c[0] + c[1]).doesNotContain("Maintenance", "warranty", "backup failed");
                }
            });
        }
    }

    @Test
    void aPlanWithARotationSaysSoInEachTechniciansLanguage() {
        TestUser es = users.create(Rol.TECNICO);
        TestUser en = users.create(Rol.TECNICO);
        preferencias.guardar(en.id(), "en", Set.of());
        Api api = new Api(mvc, es);
        long activo = activo(api, hoy.plusYears(3));
        String titulo = Api.unique("Rotación");
        assertThat(api.post(
                        "/api/planes",
                        "{\"titulo\": \"" + titulo + "\", \"activo_id\": " + activo
                                + ", \"cada\": 2, \"unidad\": \"semanas\", \"fecha_inicio\": \"" + hoy.plusDays(1)
                                + "\", \"rotacion\": [" + es.id() + ", " + en.id() + "]}"))
                .hasStatus(201);
        assertThat(correos(es.email()).get("plan.generado")[1])
                .isEqualTo("El plan «" + titulo + "» programó 5 mantenimientos en los próximos 60 días, por turnos"
                        + " entre 2 técnicos.");
        assertThat(correos(en.email()).get("plan.generado")[1])
                .isEqualTo("The plan \"" + titulo + "\" scheduled 5 maintenance records in the next 60 days, in turns"
                        + " between 2 technicians.");
    }
}
