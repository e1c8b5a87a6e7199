package org.inventarioti.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Sesiones;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Browsers get the error page in their language (with the request id, see NavegadorTest); other clients keep JSON. */
@InventarioTest
class PaginasDeErrorTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Test
    void aMissingPageIsExplainedInTheLayoutWithTheRequestId() throws Exception {
        var admin = Sesiones.de(users.create(Rol.ADMIN));
        MvcTestResult result = mvc.get()
                .uri("/usuarios/987654321")
                .accept(MediaType.TEXT_HTML)
                .header("X-Request-Id", "trace-error-page-1")
                .with(admin)
                .exchange();
        // MockMvc does not forward to /error; render it as the container would.
        assertThat(result).hasStatus(404);
        MvcTestResult page = mvc.get()
                .uri("/error")
                .accept(MediaType.TEXT_HTML)
                .requestAttr("jakarta.servlet.error.status_code", 404)
                .requestAttr("jakarta.servlet.error.request_uri", "/usuarios/987654321")
                .header("X-Request-Id", "trace-error-page-1")
                .with(admin)
                .exchange();
        assertThat(page)
                .hasStatus(404)
                .bodyText()
                .contains("Error 404", "La página o el elemento no existe.", "Volver al panel");
        assertThat(mvc.get()
                        .uri("/error?lang=en")
                        .accept(MediaType.TEXT_HTML)
                        .requestAttr("jakarta.servlet.error.status_code", 403)
                        .with(admin))
                .bodyText()
                .contains("You may not do this");
    }

    @Test
    void nonBrowserClientsStillGetJson() {
        assertThat(mvc.get()
                        .uri("/error")
                        .accept(MediaType.APPLICATION_JSON)
                        .requestAttr("jakarta.servlet.error.status_code", 404)
                        .header("X-Request-Id", "trace-error-json-1"))
                .hasStatus(404)
                .bodyJson()
                .extractingPath("$.request_id")
                .isEqualTo("trace-error-json-1");
    }
}
