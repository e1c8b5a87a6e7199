package org.inventarioti.notificaciones;

import static org.assertj.core.api.Assertions.assertThat;

import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** /api/notificaciones is for administrators only: a test per role. */
@InventarioTest
class NotificacionApiTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Test
    void onlyAdministratorsSeeTheOutbox() {
        assertThat(new Api(mvc, users.create(Rol.ADMIN)).get("/api/notificaciones?estado=pendiente"))
                .hasStatusOk();
        assertThat(new Api(mvc, users.create(Rol.TECNICO)).get("/api/notificaciones"))
                .hasStatus(403);
        assertThat(new Api(mvc, users.create(Rol.LECTOR)).get("/api/notificaciones"))
                .hasStatus(403);
        assertThat(Api.anonymous(mvc).get("/api/notificaciones")).hasStatus(401);
    }
}
