package org.inventarioti.usuarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Requests;
import org.inventarioti.support.TestUsers;
import org.inventarioti.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** POST /api/usuarios/login: the original's login path, an alias of POST /api/auth/login. */
@InventarioTest
class LoginAliasTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    private MvcTestResult login(String email, String password) {
        return mvc.post()
                .uri("/api/usuarios/login")
                .with(Requests.fromNewAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .exchange();
    }

    @Test
    void theOriginalsLoginPathAnswersWithAWorkingTokenAndSaysItIsDeprecated() throws Exception {
        TestUser lector = users.create(Rol.LECTOR);
        MvcTestResult result = login(lector.email(), lector.password());
        assertThat(result)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.usuario.rol")
                .isEqualTo("LECTOR");
        assertThat(result).hasHeader("Deprecation", "true");
        assertThat(result.getResponse().getHeader("Link")).contains("/api/auth/login");
        String token = JsonPath.read(result.getResponse().getContentAsString(), "$.token");
        assertThat(mvc.get().uri("/api/activos").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .hasStatusOk();
    }

    @Test
    void wrongPasswordsAndBadBodiesAreRefusedLikeTheLogin() {
        TestUser lector = users.create(Rol.LECTOR);
        assertThat(login(lector.email(), "wrong-password")).hasStatus(401);
        assertThat(mvc.post()
                        .uri("/api/usuarios/login")
                        .with(Requests.fromNewAddress())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"\"}"))
                .hasStatus(422);
        assertThat(mvc.get().uri("/api/usuarios/login")).hasStatus(401);
    }
}
