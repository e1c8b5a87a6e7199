package org.inventarioti.usuarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Requests;
import org.inventarioti.support.TestUsers;
import org.inventarioti.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@InventarioTest
class LoginWebTest {

    static final String COOKIE = "INVENTARIO_SESION";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    UsuarioService usuarios;

    @Autowired
    JdbcClient jdbc;

    Cookie login(String email, String password, RequestPostProcessor address) {
        MvcTestResult result = mvc.post()
                .uri("/login")
                .param("email", email)
                .param("password", password)
                .with(csrf())
                .with(address)
                .exchange();
        assertThat(result).hasStatus(302).hasRedirectedUrl("/");
        Cookie cookie = result.getResponse().getCookie(COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        return cookie;
    }

    @Test
    void loginPageIsSpanishByDefaultAndEnglishOnRequest() {
        assertThat(mvc.get().uri("/login").accept(MediaType.TEXT_HTML))
                .hasStatusOk()
                .bodyText()
                .contains("<html lang=\"es\"", "Iniciar sesión", "Correo electrónico", "name=\"_csrf\"");
        MvcTestResult english = mvc.get().uri("/login?lang=en").exchange();
        assertThat(english).hasStatusOk().bodyText().contains("<html lang=\"en\"", "Sign in", "Email");
        Cookie idioma = english.getResponse().getCookie("INVENTARIO_IDIOMA");
        assertThat(idioma).isNotNull();
        assertThat(mvc.get().uri("/login").cookie(idioma)).bodyText().contains("Sign in");
        assertThat(mvc.get().uri("/login?lang=fr")).bodyText().contains("<html lang=\"es\"");
    }

    @Test
    void formLoginOpensASessionThatShowsTheUserAndIsAudited() {
        TestUser tecnico = users.create(Rol.TECNICO);
        Cookie session = login(tecnico.email(), TestUsers.PASSWORD, Requests.fromNewAddress());

        assertThat(mvc.get().uri("/").cookie(session))
                .hasStatusOk()
                .bodyText()
                .contains("Test TECNICO", "Técnico", "action=\"/logout\"");
        assertThat(mvc.get().uri("/login").cookie(session)).hasStatus(302).hasRedirectedUrl("/");
        assertThat(auditCount(tecnico.email(), "login", "web")).isEqualTo(1);
    }

    @Test
    void wrongPasswordShowsAMessageWithoutSayingWhichPartWasWrong() {
        TestUser lector = users.create(Rol.LECTOR);
        MvcTestResult result = mvc.post()
                .uri("/login")
                .param("email", lector.email())
                .param("password", "not-the-password")
                .with(csrf())
                .with(Requests.fromNewAddress())
                .exchange();
        assertThat(result).hasStatus(302).hasRedirectedUrl("/login?error=credenciales");
        assertThat(result.getResponse().getCookie(COOKIE)).isNull();
        assertThat(mvc.get().uri("/login?error=credenciales")).bodyText().contains("Correo o contraseña incorrectos.");
        MvcTestResult unknown = mvc.post()
                .uri("/login")
                .param("email", "nobody-" + System.nanoTime() + "@test.local")
                .param("password", "whatever-password")
                .with(csrf())
                .with(Requests.fromNewAddress())
                .exchange();
        assertThat(unknown).hasRedirectedUrl("/login?error=credenciales");
    }

    @Test
    void fiveFailuresLockTheAccountAndTheFormSaysSo() {
        TestUser lector = users.create(Rol.LECTOR);
        RequestPostProcessor address = Requests.fromNewAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(mvc.post()
                            .uri("/login")
                            .param("email", lector.email())
                            .param("password", "wrong-password-" + i)
                            .with(csrf())
                            .with(address))
                    .hasRedirectedUrl("/login?error=credenciales");
        }
        MvcTestResult locked = mvc.post()
                .uri("/login")
                .param("email", lector.email())
                .param("password", TestUsers.PASSWORD)
                .with(csrf())
                .with(address)
                .exchange();
        assertThat(locked).hasStatus(302).hasRedirectedUrl("/login?error=bloqueada&minutos=15");
        assertThat(mvc.get().uri("/login?error=bloqueada&minutos=15"))
                .bodyText()
                .contains("Cuenta bloqueada temporalmente", "15 minuto(s)");
        assertThat(mvc.get().uri("/login?error=bloqueada&minutos=15&lang=en"))
                .bodyText()
                .contains("Account temporarily locked", "15 minute(s)");
        assertThat(auditCount(lector.email(), "bloqueo_cuenta", null)).isEqualTo(1);
    }

    @Test
    void tooManyAttemptsFromOneAddressAreRefused() {
        RequestPostProcessor address = Requests.fromNewAddress();
        String email = "nobody-" + System.nanoTime() + "@test.local";
        for (int i = 0; i < 30; i++) {
            mvc.post()
                    .uri("/login")
                    .param("email", email)
                    .param("password", "wrong-password")
                    .with(csrf())
                    .with(address)
                    .exchange();
        }
        MvcTestResult limited = mvc.post()
                .uri("/login")
                .param("email", email)
                .param("password", "wrong-password")
                .with(csrf())
                .with(address)
                .exchange();
        assertThat(limited.getResponse().getRedirectedUrl()).startsWith("/login?error=limitado&minutos=");
        assertThat(mvc.get().uri("/login?error=limitado&minutos=5")).bodyText().contains("Demasiados intentos");
    }

    @Test
    void aLoginWithoutTheCsrfTokenIsRefused() {
        TestUser lector = users.create(Rol.LECTOR);
        assertThat(mvc.post()
                        .uri("/login")
                        .param("email", lector.email())
                        .param("password", TestUsers.PASSWORD)
                        .with(Requests.fromNewAddress()))
                .hasStatus(403);
        assertThat(mvc.post()
                        .uri("/login")
                        .param("email", lector.email())
                        .param("password", TestUsers.PASSWORD)
                        .with(csrf().useInvalidToken())
                        .with(Requests.fromNewAddress()))
                .hasStatus(403);
    }

    @Test
    void anonymousBrowsersGoToTheLoginPageOtherClientsGetA401() {
        assertThat(mvc.get().uri("/").accept(MediaType.TEXT_HTML))
                .hasStatus(302)
                .hasRedirectedUrl("/login");
        MvcTestResult htmx =
                mvc.get().uri("/reportes").header("HX-Request", "true").exchange();
        assertThat(htmx).hasStatus(401).hasHeader("HX-Refresh", "true");
        assertThat(mvc.get().uri("/reportes").accept(MediaType.APPLICATION_JSON))
                .hasStatus(401)
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo(401);
        assertThat(mvc.get().uri("/recursos/css/app.css")).hasStatusOk();
        assertThat(mvc.get().uri("/webjars/htmx.org/dist/htmx.min.js")).hasStatusOk();
        assertThat(mvc.get().uri("/webjars/bootstrap/css/bootstrap.min.css")).hasStatusOk();
        assertThat(mvc.get().uri("/webjars/chart.js/dist/chart.umd.min.js")).hasStatusOk();
    }

    @Test
    void logoutEndsTheSessionAndIsAudited() {
        TestUser lector = users.create(Rol.LECTOR);
        Cookie session = login(lector.email(), TestUsers.PASSWORD, Requests.fromNewAddress());
        assertThat(mvc.post().uri("/logout").cookie(session)).hasStatus(403);
        assertThat(mvc.post().uri("/logout").cookie(session).with(csrf()))
                .hasStatus(302)
                .hasRedirectedUrl("/login?salida");
        assertThat(mvc.get().uri("/").cookie(session).accept(MediaType.TEXT_HTML))
                .hasStatus(302)
                .hasRedirectedUrl("/login");
        assertThat(auditCount(lector.email(), "logout", "web")).isEqualTo(1);
    }

    @Test
    void disablingAUserOrChangingTheirPasswordEndsTheirSessions() {
        TestUser disabled = users.create(Rol.TECNICO);
        Cookie first = login(disabled.email(), TestUsers.PASSWORD, Requests.fromNewAddress());
        usuarios.actualizar(disabled.id(), new ActualizarUsuarioRequest(null, null, false));
        assertThat(mvc.get().uri("/").cookie(first).accept(MediaType.TEXT_HTML)).hasRedirectedUrl("/login");

        TestUser changed = users.create(Rol.TECNICO);
        Cookie second = login(changed.email(), TestUsers.PASSWORD, Requests.fromNewAddress());
        usuarios.restablecerPassword(changed.id(), "another-password-42");
        assertThat(mvc.get().uri("/").cookie(second).accept(MediaType.TEXT_HTML))
                .hasRedirectedUrl("/login");
    }

    @Test
    void aNewRoleAppliesOnTheNextRequest() {
        users.create(Rol.ADMIN);
        TestUser user = users.create(Rol.LECTOR);
        Cookie session = login(user.email(), TestUsers.PASSWORD, Requests.fromNewAddress());
        assertThat(mvc.get().uri("/usuarios").cookie(session)).hasStatus(403);
        usuarios.actualizar(user.id(), new ActualizarUsuarioRequest(null, Rol.ADMIN, null));
        assertThat(mvc.get().uri("/usuarios").cookie(session)).hasStatusOk();
        usuarios.actualizar(user.id(), new ActualizarUsuarioRequest(null, Rol.LECTOR, null));
        assertThat(mvc.get().uri("/usuarios").cookie(session)).hasStatus(403);
    }

    @Test
    void theSessionLivesInTheDatabase() {
        TestUser lector = users.create(Rol.LECTOR);
        login(lector.email(), TestUsers.PASSWORD, Requests.fromNewAddress());
        long sessions = jdbc.sql("SELECT count(*) FROM ops_sesiones_web WHERE principal_name = ?")
                .param(lector.email())
                .query(Long.class)
                .single();
        assertThat(sessions).isEqualTo(1);
    }

    private long auditCount(String email, String accion, String canal) {
        return jdbc.sql("""
                        SELECT count(*) FROM auditoria
                        WHERE actor_email = ? AND accion = ? AND (CAST(? AS text) IS NULL OR despues->>'canal' = ?)""")
                .params(email, accion, canal, canal)
                .query(Long.class)
                .single();
    }
}
