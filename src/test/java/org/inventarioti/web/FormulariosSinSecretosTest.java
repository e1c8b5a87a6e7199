package org.inventarioti.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.inventarioti.support.Filas;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Sesiones;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** A refused page form is shown again with everything the user typed except a secret. */
@InventarioTest
class FormulariosSinSecretosTest {

    static final String RECOVERY = "123456-234567-345678-456789-567890-678901-789012-890123";
    static final String PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Test
    void aRefusedCategoryFormKeepsTheNameAndDropsTheRecoveryKey() {
        String nombre = Filas.unico("Con clave");
        MvcTestResult result = mvc.post()
                .uri("/categorias")
                .with(csrf())
                .with(Sesiones.de(users.create(Rol.ADMIN)))
                .param("nombre", nombre)
                .param("descripcion", "clave " + RECOVERY)
                .param("esquema", "{\"type\":\"object\"}")
                .exchange();
        assertThat(result.getResponse().getStatus()).isBetween(200, 499);
        assertThat(result).bodyText().contains(nombre).doesNotContain(RECOVERY).doesNotContain("345678-456789");
    }

    @Test
    void aRefusedMaintenanceFormKeepsTheTitleAndDropsThePrivateKey() {
        String titulo = Filas.unico("Cambio de disco");
        MvcTestResult result = mvc.post()
                .uri("/mantenimientos")
                .with(csrf())
                .with(Sesiones.de(users.create(Rol.TECNICO)))
                .param("titulo", titulo)
                .param("tipo", "preventivo")
                .param("activoCodigo", "NO-EXISTE-1")
                .param("notas", "la clave:\n" + PEM)
                .exchange();
        assertThat(result.getResponse().getStatus()).isBetween(200, 499);
        assertThat(result)
                .bodyText()
                .contains(titulo)
                .doesNotContain("MIIEowIBAAKCAQEA7")
                .doesNotContain("BEGIN RSA");
    }
}
