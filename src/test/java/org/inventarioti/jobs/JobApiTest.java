package org.inventarioti.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** /api/jobs is for administrators only: a test per role. */
@InventarioTest
class JobApiTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Test
    void anAdministratorSeesTheJobsAndUnknownJobsAre404() {
        Api admin = new Api(mvc, users.create(Rol.ADMIN));
        assertThat(admin.get("/api/jobs")).hasStatusOk();
        assertThat(admin.post("/api/jobs/no-such-job/ejecutar", "{}")).hasStatus(404);
        assertThat(admin.get("/api/jobs/no-such-job/ejecuciones")).hasStatus(404);
    }

    @Test
    void techniciansReadersAndAnonymousAreRefused() {
        for (Rol rol : new Rol[] {Rol.TECNICO, Rol.LECTOR}) {
            Api api = new Api(mvc, users.create(rol));
            assertThat(api.get("/api/jobs")).as(rol.name()).hasStatus(403);
            assertThat(api.post("/api/jobs/generar-planes/ejecutar", "{}"))
                    .as(rol.name())
                    .hasStatus(403);
        }
        assertThat(Api.anonymous(mvc).get("/api/jobs")).hasStatus(401);
    }
}
