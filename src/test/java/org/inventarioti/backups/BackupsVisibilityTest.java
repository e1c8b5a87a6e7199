package org.inventarioti.backups;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Requests;
import org.inventarioti.support.Sesiones;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Visibility of the backups: /api/backups and the admin page (a test per role), the Prometheus
 * gauge of the newest verified archive's age, and the notice when it is older than 36 hours.
 */
@InventarioTest
class BackupsVisibilityTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AutoBackupService backups;

    @Autowired
    FrescuraBackups frescura;

    Path archive;

    @BeforeEach
    void oneVerifiedArchiveAndOneFailure() throws Exception {
        jdbc.sql("DELETE FROM ops_backup_verificaciones").update();
        Files.createDirectories(backups.dir());
        archive = Files.write(backups.dir().resolve("inventario-backup-20261130T013000123Z.zip.enc"), new byte[2048]);
        jdbc.sql("""
                        INSERT INTO ops_backup_verificaciones
                            (archivo, sha256, backup_creado_en, schema_version, restore_test, conteos_coinciden, detalle)
                        VALUES (?, 'x', now() - interval '2 hours', '41', true, true,
                                '{"scratch": "server", "rows": 123}'::jsonb)""").param(archive.toString()).update();
        jdbc.sql("""
                        INSERT INTO ops_jobs_ejecuciones (job, instancia, origen, inicio, fin, resultado, detalle)
                        VALUES ('backup-nocturno', 'test', 'programado', now() - interval '1 hour', now() - interval '1 hour',
                                'error', 'disk full while writing the archive')""").update();
    }

    @AfterEach
    void removeTheArchive() throws Exception {
        Files.deleteIfExists(archive);
        jdbc.sql("DELETE FROM ops_jobs_ejecuciones WHERE instancia = 'test'").update();
    }

    @Test
    void anAdministratorSeesArchivesVerificationsTheLastFailureAndTheNextRuns() {
        Api admin = new Api(mvc, users.create(Rol.ADMIN));
        var result = admin.get("/api/backups");
        assertThat(result).hasStatusOk();
        assertThat(result)
                .bodyJson()
                .extractingPath("$.archivos[?(@.nombre == '" + archive.getFileName() + "')].version_esquema")
                .asArray()
                .containsExactly("41");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.archivos[?(@.nombre == '" + archive.getFileName() + "')].donde")
                .asArray()
                .containsExactly("local");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.archivos[?(@.nombre == '" + archive.getFileName() + "')].verificado_por")
                .asArray()
                .singleElement()
                .asString()
                .contains("restore test #", "server", "123 rows");
        assertThat(result).bodyJson().extractingPath("$.ultimo_fallo.job").isEqualTo("backup-nocturno");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.ultimo_fallo.detalle")
                .isEqualTo("disk full while writing the archive");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.programa[*].job")
                .asArray()
                .containsExactlyInAnyOrder("backup-nocturno", "backup-verificacion", "backup-antiguedad");
        assertThat(result).bodyJson().extractingPath("$.programa[0].modo").isEqualTo("disabled");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.antiguedad_verificado_segundos")
                .asNumber()
                .satisfies(n -> assertThat(n.longValue()).isBetween(7100L, 7400L));
    }

    @Test
    void theApiIsForAdministratorsOnly() {
        for (Rol rol : new Rol[] {Rol.TECNICO, Rol.LECTOR}) {
            assertThat(new Api(mvc, users.create(rol)).get("/api/backups"))
                    .as(rol.name())
                    .hasStatus(403);
        }
        assertThat(Api.anonymous(mvc).get("/api/backups")).hasStatus(401);
    }

    @Test
    void theAdminPageShowsTheSameInBothLanguagesAndOnlyToAdministrators() {
        TestUsers.TestUser admin = users.create(Rol.ADMIN);
        assertThat(mvc.get().uri("/backups").with(Sesiones.de(admin)))
                .hasStatusOk()
                .bodyText()
                .contains("Copias de seguridad", archive.getFileName().toString(), "backup-nocturno", "disk full")
                .contains("prueba n.º", "Versión del esquema");
        assertThat(mvc.get().uri("/backups?lang=en").with(Sesiones.de(admin)))
                .hasStatusOk()
                .bodyText()
                .contains("Backups", "Schema version", "test #", "Last failure");
        assertThat(mvc.get().uri("/").with(Sesiones.de(admin))).bodyText().contains("href=\"/backups\"");
        for (Rol rol : new Rol[] {Rol.TECNICO, Rol.LECTOR}) {
            assertThat(mvc.get().uri("/backups").with(Sesiones.de(users.create(rol))))
                    .as(rol.name())
                    .hasStatus(403);
        }
        assertThat(mvc.get().uri("/backups")).hasStatus3xxRedirection();
    }

    @Test
    void theGaugeGivesTheNewestVerifiedArchivesAge() throws Exception {
        String body = mvc.get()
                .uri("/actuator/prometheus")
                .with(Requests.from("127.0.0.1"))
                .exchange()
                .getResponse()
                .getContentAsString();
        Matcher m = Pattern.compile("(?m)^inventario_backup_newest_verified_age_seconds(?:\\{[^}]*})? (\\S+)$")
                .matcher(body);
        assertThat(m.find())
                .as(body.lines().filter(l -> l.contains("backup")).toList().toString())
                .isTrue();
        assertThat(Double.parseDouble(m.group(1))).isBetween(7100.0, 7400.0);

        jdbc.sql("DELETE FROM ops_backup_verificaciones").update();
        String none = mvc.get()
                .uri("/actuator/prometheus")
                .with(Requests.from("127.0.0.1"))
                .exchange()
                .getResponse()
                .getContentAsString();
        assertThat(none).containsPattern("(?m)^inventario_backup_newest_verified_age_seconds(\\{[^}]*})? NaN$");
    }

    private long avisos() {
        return jdbc.sql("SELECT count(*) FROM ops_notificaciones WHERE evento = 'backup.antiguo'")
                .query(Long.class)
                .single();
    }

    @Test
    void aVerifiedArchiveOlderThan36HoursIsToldOnceADay() {
        users.create(Rol.ADMIN); // someone to tell
        jdbc.sql("DELETE FROM ops_notificaciones WHERE evento = 'backup.antiguo'")
                .update();
        assertThat(frescura.revisar()).contains("fresh");
        assertThat(avisos()).isZero();

        jdbc.sql("UPDATE ops_backup_verificaciones SET backup_creado_en = now() - interval '37 hours'")
                .update();
        assertThat(frescura.revisar()).contains("37 h", "told");
        long told = avisos();
        assertThat(told).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM ops_notificaciones WHERE evento = 'backup.antiguo'"
                                + " AND canal = 'email'")
                        .query(Long.class)
                        .single())
                .isPositive();
        frescura.revisar();
        assertThat(avisos()).as("once a day").isEqualTo(told);

        jdbc.sql("DELETE FROM ops_backup_verificaciones").update();
        jdbc.sql("DELETE FROM ops_notificaciones WHERE evento = 'backup.antiguo'")
                .update();
        assertThat(frescura.revisar()).contains("none verified", "told");
        assertThat(avisos()).isPositive();
    }
}
