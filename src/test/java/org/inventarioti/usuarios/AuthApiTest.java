package org.inventarioti.usuarios;

import static org.assertj.core.api.Assertions.assertThat;

import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Requests;
import org.inventarioti.support.TestUsers;
import org.inventarioti.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@InventarioTest
class AuthApiTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    private MvcTestResult login(String email, String password, RequestPostProcessor from) {
        return mvc.post()
                .uri("/api/auth/login")
                .with(from)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .exchange();
    }

    private long audits(long userId, String accion) {
        return jdbc.sql("SELECT count(*) FROM auditoria WHERE entidad_id = ? AND accion = ?")
                .params(Long.toString(userId), accion)
                .query(Long.class)
                .single();
    }

    @Test
    void rightPasswordGivesATokenThatWorks() throws Exception {
        TestUser admin = users.create(Rol.ADMIN);
        MvcTestResult result = login(admin.email().toUpperCase(), admin.password(), Requests.fromNewAddress());

        assertThat(result)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.usuario.rol")
                .isEqualTo("ADMIN");
        assertThat(result).bodyJson().extractingPath("$.expires_at").isNotNull();
        String token = com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(), "$.token");
        assertThat(mvc.get().uri("/api/usuarios").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .hasStatusOk();
        assertThat(audits(admin.id(), "login")).isEqualTo(1);
    }

    @Test
    void wrongPasswordUnknownUserAndDisabledUserGetTheSame401() {
        TestUser tecnico = users.create(Rol.TECNICO);
        TestUser disabled = users.create(Rol.LECTOR);
        jdbc.sql("UPDATE usuarios SET enabled = false WHERE id = ?")
                .param(disabled.id())
                .update();

        var wrong = login(tecnico.email(), "not-the-password", Requests.fromNewAddress());
        var unknown = login("nobody@test.local", "whatever-password", Requests.fromNewAddress());
        var off = login(disabled.email(), disabled.password(), Requests.fromNewAddress());

        for (MvcTestResult result : java.util.List.of(wrong, unknown, off)) {
            assertThat(result)
                    .hasStatus(401)
                    .bodyJson()
                    .extractingPath("$.detail")
                    .isEqualTo("Email or password is wrong");
        }
        assertThat(audits(tecnico.id(), "login_fallido")).isEqualTo(1);
        assertThat(audits(disabled.id(), "login_fallido")).isEqualTo(1);
    }

    @Test
    void repeatedFailuresLockTheAccountUntilTheLockExpires() {
        TestUser user = users.create(Rol.LECTOR);
        for (int i = 0; i < 5; i++) {
            assertThat(login(user.email(), "wrong-password-" + i, Requests.fromNewAddress()))
                    .hasStatus(401);
        }
        MvcTestResult locked = login(user.email(), user.password(), Requests.fromNewAddress());
        assertThat(locked).hasStatus(423);
        assertThat(Long.parseLong(locked.getResponse().getHeader(HttpHeaders.RETRY_AFTER)))
                .isBetween(800L, 900L);
        assertThat(audits(user.id(), "bloqueo_cuenta")).isEqualTo(1);

        jdbc.sql("UPDATE usuarios SET locked_until = now() - interval '1 second' WHERE id = ?")
                .param(user.id())
                .update();
        assertThat(login(user.email(), user.password(), Requests.fromNewAddress()))
                .hasStatusOk();
    }

    @Test
    void tooManyAttemptsFromOneAddressAreRateLimited() {
        RequestPostProcessor address = Requests.fromNewAddress();
        for (int i = 0; i < 30; i++) {
            assertThat(login("nobody-" + i + "@test.local", "whatever-pass", address))
                    .hasStatus(401);
        }
        TestUser user = users.create(Rol.LECTOR);
        MvcTestResult limited = login(user.email(), user.password(), address);
        assertThat(limited).hasStatus(429);
        assertThat(limited.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(jdbc.sql("SELECT count(*) FROM auditoria WHERE accion = 'login_limitado' AND actor_email = ?")
                        .param(user.email())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(login(user.email(), user.password(), Requests.fromNewAddress()))
                .hasStatusOk();
    }

    @Test
    void badLoginBodiesAreClientErrors() throws Exception {
        var address = Requests.fromNewAddress();
        assertThat(mvc.post()
                        .uri("/api/auth/login")
                        .with(address)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"a@b.c\""))
                .hasStatus(400);
        assertThat(mvc.post()
                        .uri("/api/auth/login")
                        .with(address)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"a@b.c\",\"password\":\"x\",\"admin\":true}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Unknown field 'admin'");
        assertThat(mvc.post()
                        .uri("/api/auth/login")
                        .with(address)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"\"}"))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .contains("email", "password");
        assertThat(mvc.post()
                        .uri("/api/auth/login")
                        .with(address)
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("hi"))
                .hasStatus(415);
        var get = mvc.get().uri("/api/auth/login").with(address).exchange();
        assertThat(get).as(get.getResponse().getContentAsString()).hasStatus(405);
        assertThat(mvc.post()
                        .uri("/api/auth/login")
                        .with(address)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + "a".repeat(2_000_000) + "\"}"))
                .hasStatus(413);
    }

    @Test
    void changingOwnPasswordRevokesEarlierTokens() {
        TestUser user = users.create(Rol.LECTOR);
        assertThat(mvc.post()
                        .uri("/api/auth/password")
                        .header(HttpHeaders.AUTHORIZATION, user.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password_actual\":\"wrong-one-here\",\"password_nueva\":\"another-good-one\"}"))
                .hasStatus(422);
        assertThat(mvc.post()
                        .uri("/api/auth/password")
                        .header(HttpHeaders.AUTHORIZATION, user.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password_actual\":\"" + user.password()
                                + "\",\"password_nueva\":\"another-good-one\"}"))
                .hasStatus(204);
        assertThat(mvc.post()
                        .uri("/api/auth/password")
                        .header(HttpHeaders.AUTHORIZATION, user.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password_actual\":\"another-good-one\",\"password_nueva\":\"third-good-one\"}"))
                .hasStatus(401);
        assertThat(login(user.email(), "another-good-one", Requests.fromNewAddress()))
                .hasStatusOk();
    }
}
