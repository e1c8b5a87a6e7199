package org.inventarioti.usuarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Requests;
import org.inventarioti.support.Sesiones;
import org.inventarioti.support.TestUsers;
import org.inventarioti.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@InventarioTest
class CuentaControllerTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    AuthService auth;

    @Test
    void everyRoleMayChangeItsOwnPassword() {
        for (Rol rol : Rol.values()) {
            TestUser user = users.create(rol);
            assertThat(mvc.get().uri("/cuenta/password").with(Sesiones.de(user)))
                    .hasStatusOk()
                    .bodyText()
                    .contains("Contraseña actual");
            assertThat(mvc.post()
                            .uri("/cuenta/password")
                            .param("actual", TestUsers.PASSWORD)
                            .param("nueva", "brand-new-password-1")
                            .param("repetida", "brand-new-password-1")
                            .with(csrf())
                            .with(Requests.fromNewAddress())
                            .with(Sesiones.de(user)))
                    .hasStatus(302)
                    .hasRedirectedUrl("/login?cambiada");
            assertThat(auth.autenticar(user.email(), "brand-new-password-1", "10.250.0.1", null)
                            .id())
                    .isEqualTo(user.id());
        }
    }

    @Test
    void mistakesAreShownOnTheForm() {
        TestUser user = users.create(Rol.LECTOR);
        assertThat(mvc.post()
                        .uri("/cuenta/password")
                        .param("actual", "wrong-current-pass")
                        .param("nueva", "brand-new-password-1")
                        .param("repetida", "brand-new-password-1")
                        .with(csrf())
                        .with(Requests.fromNewAddress())
                        .with(Sesiones.de(user)))
                .hasStatusOk()
                .bodyText()
                .contains("La contraseña actual no es correcta.");
        assertThat(mvc.post()
                        .uri("/cuenta/password")
                        .param("actual", TestUsers.PASSWORD)
                        .param("nueva", "brand-new-password-1")
                        .param("repetida", "brand-new-password-2")
                        .with(csrf())
                        .with(Sesiones.de(user)))
                .bodyText()
                .contains("Las dos contraseñas nuevas no coinciden.");
        assertThat(mvc.post()
                        .uri("/cuenta/password")
                        .param("actual", TestUsers.PASSWORD)
                        .param("nueva", "short")
                        .param("repetida", "short")
                        .with(csrf())
                        .with(Requests.fromNewAddress())
                        .with(Sesiones.de(user)))
                .bodyText()
                .contains("al menos 10 caracteres");
        assertThat(mvc.post()
                        .uri("/cuenta/password")
                        .param("actual", TestUsers.PASSWORD)
                        .param("nueva", "brand-new-password-1")
                        .param("repetida", "brand-new-password-1")
                        .with(Sesiones.de(user)))
                .hasStatus(403);
    }
}
