package org.inventarioti.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Sesiones;
import org.inventarioti.support.TestUsers;
import org.inventarioti.support.TestUsers.TestUser;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Administración → Tareas programadas: every job with its last and next run, "run now"; ADMIN only. */
@InventarioTest
class JobWebControllerTest {

    private static final String JOB = "generar-planes";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JobService jobs;

    @org.junit.jupiter.api.AfterEach
    void freeTheSlotForOtherTests() {
        // released, never deleted: ShedLock remembers that the row exists and only updates it after
        // its first insert, so a deleted row would refuse every later run of the job in this JVM
        jdbc.sql("UPDATE ops_jobs_cerrojos SET lock_until = '2000-01-01' WHERE name = ?")
                .param(JOB)
                .update();
    }

    private long runs() {
        return jdbc.sql("SELECT count(*) FROM ops_jobs_ejecuciones WHERE job = ? AND origen = 'manual'")
                .param(JOB)
                .query(Long.class)
                .single();
    }

    @Test
    void anAdministratorSeesEveryJobAndRunsOneNowInBothLanguages() {
        TestUser admin = users.create(Rol.ADMIN);
        assertThat(mvc.get().uri("/jobs").with(Sesiones.de(admin)))
                .hasStatusOk()
                .bodyText()
                .contains("Tareas programadas", "Próxima ejecución", "Ejecutar ahora")
                .contains(jobs.jobs().stream()
                        .map(j -> "id=\"job-" + j.nombre() + "\"")
                        .toArray(String[]::new));
        assertThat(mvc.get().uri("/").with(Sesiones.de(admin))).bodyText().contains("href=\"/jobs\"");

        jdbc.sql("UPDATE ops_jobs_cerrojos SET lock_until = '2000-01-01' WHERE name = ?")
                .param(JOB)
                .update();
        long before = runs();
        assertThat(mvc.post().uri("/jobs/" + JOB + "/ejecutar").with(csrf()).with(Sesiones.de(admin)))
                .hasStatus(302)
                .redirectedUrl()
                .isEqualTo("/jobs");
        assertThat(runs()).isEqualTo(before + 1);
        assertThat(mvc.get().uri("/jobs?lang=en").with(Sesiones.de(admin)))
                .hasStatusOk()
                .bodyText()
                .contains("Scheduled jobs", "Last run", "Run now", "succeeded");

        // its slot is still held (minimum lock time): a second click says so and runs nothing
        var again = mvc.post()
                .uri("/jobs/" + JOB + "/ejecutar")
                .with(csrf())
                .with(Sesiones.de(admin))
                .exchange();
        assertThat(again).hasStatus(302);
        assertThat(again).flash().containsEntry("ocupado", true);
        assertThat(runs()).isEqualTo(before + 1);
    }

    @Test
    void onlyAdministratorsSeeOrRunJobsAndAnUnknownJobIsNotFound() {
        long before = runs();
        for (Rol rol : new Rol[] {Rol.TECNICO, Rol.LECTOR}) {
            TestUser user = users.create(rol);
            assertThat(mvc.get().uri("/jobs").with(Sesiones.de(user)))
                    .as(rol.name())
                    .hasStatus(403);
            assertThat(mvc.post().uri("/jobs/" + JOB + "/ejecutar").with(csrf()).with(Sesiones.de(user)))
                    .as(rol.name())
                    .hasStatus(403);
            assertThat(mvc.get().uri("/").with(Sesiones.de(user))).bodyText().doesNotContain("id=\"nav-jobs\"");
        }
        assertThat(mvc.get().uri("/jobs")).hasStatus3xxRedirection();
        assertThat(mvc.post().uri("/jobs/" + JOB + "/ejecutar").with(csrf()))
                .hasStatus(302)
                .redirectedUrl()
                .contains("/login");
        assertThat(runs()).as("nobody but an administrator ran it").isEqualTo(before);
        assertThat(mvc.post().uri("/jobs/no-such-job/ejecutar").with(csrf()).with(Sesiones.de(users.create(Rol.ADMIN))))
                .hasStatus(404);
    }
}
