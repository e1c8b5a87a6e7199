package org.inventarioti.usuarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.UUID;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Sesiones;
import org.inventarioti.support.TestUsers;
import org.inventarioti.support.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@InventarioTest
class UsuarioWebControllerTest {

    static final String XSS = "<script>alert('x')</script><b>negrita</b>";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    UsuarioService usuarios;

    TestUser admin;

    @BeforeEach
    void admin() {
        admin = users.create(Rol.ADMIN);
    }

    static String email() {
        return "web-" + UUID.randomUUID().toString().substring(0, 8) + "@test.local";
    }

    @Test
    void onlyAdministratorsSeeTheUserPages() {
        for (Rol rol : new Rol[] {Rol.TECNICO, Rol.LECTOR}) {
            TestUser user = users.create(rol);
            assertThat(mvc.get().uri("/usuarios").with(Sesiones.de(user))).hasStatus(403);
            assertThat(mvc.get().uri("/usuarios/nuevo").with(Sesiones.de(user))).hasStatus(403);
            assertThat(mvc.get().uri("/usuarios/" + user.id()).with(Sesiones.de(user)))
                    .hasStatus(403);
            assertThat(mvc.post()
                            .uri("/usuarios")
                            .param("nombre", "X")
                            .param("email", email())
                            .param("rol", "ADMIN")
                            .with(csrf())
                            .with(Sesiones.de(user)))
                    .hasStatus(403);
            assertThat(mvc.post()
                            .uri("/usuarios/" + user.id() + "/password")
                            .with(csrf())
                            .with(Sesiones.de(user)))
                    .hasStatus(403);
            assertThat(mvc.get().uri("/").with(Sesiones.de(user)))
                    .hasStatusOk()
                    .bodyText()
                    .doesNotContain("href=\"/usuarios\"");
        }
        assertThat(mvc.get().uri("/usuarios").with(Sesiones.de(admin)))
                .hasStatusOk()
                .bodyText()
                .contains("Usuarios", admin.email(), "href=\"/usuarios/nuevo\"");
        assertThat(mvc.get().uri("/").with(Sesiones.de(admin))).bodyText().contains("href=\"/usuarios\"");
    }

    @Test
    void theSearchAnswersTheTableFragmentToHtmx() {
        TestUser lector = users.create(Rol.LECTOR);
        MvcTestResult fragment = mvc.get()
                .uri("/usuarios?q=" + lector.email())
                .header("HX-Request", "true")
                .with(Sesiones.de(admin))
                .exchange();
        assertThat(fragment).hasStatusOk().bodyText().contains("id=\"tabla-usuarios\"", lector.email());
        assertThat(fragment).bodyText().doesNotContain("<html", admin.email());
        assertThat(fragment).hasHeader("Vary", "HX-Request");
        assertThat(mvc.get().uri("/usuarios?q=" + lector.email()).with(Sesiones.de(admin)))
                .bodyText()
                .contains("<html", lector.email());
    }

    @Test
    void anAdministratorCreatesAUserWithAGeneratedPasswordShownOnce() throws Exception {
        String email = email();
        MvcTestResult result = mvc.post()
                .uri("/usuarios")
                .param("nombre", "Nueva Técnica")
                .param("email", email)
                .param("rol", "TECNICO")
                .param("password", "")
                .with(csrf())
                .with(Sesiones.de(admin))
                .exchange();
        assertThat(result).hasStatusOk().bodyText().contains("Usuario creado", email, "id=\"password-generada\"");
        String body = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        String password = body.replaceAll("(?s).*id=\"password-generada\">([^<]+)<.*", "$1");
        assertThat(password).hasSize(20);
        var creado = usuarios.porEmail(email).orElseThrow();
        assertThat(creado.rol()).isEqualTo(Rol.TECNICO);
        assertThat(result.getResponse().getHeader("Cache-Control")).contains("no-store");
    }

    @Test
    void formErrorsAreShownNextToTheFields() {
        assertThat(mvc.post()
                        .uri("/usuarios")
                        .param("nombre", "")
                        .param("email", "not-an-email")
                        .param("rol", "ADMIN")
                        .param("password", "short")
                        .with(csrf())
                        .with(Sesiones.de(admin)))
                .hasStatusOk()
                .bodyText()
                .contains("Este campo es obligatorio.", "Introduzca un correo electrónico válido.", "is-invalid");
        assertThat(mvc.post()
                        .uri("/usuarios")
                        .param("nombre", "Corta")
                        .param("email", email())
                        .param("rol", "LECTOR")
                        .param("password", "short")
                        .with(csrf())
                        .with(Sesiones.de(admin)))
                .bodyText()
                .contains("La contraseña debe tener al menos 10 caracteres");
        assertThat(mvc.post()
                        .uri("/usuarios")
                        .param("nombre", "Duplicado")
                        .param("email", admin.email())
                        .param("rol", "LECTOR")
                        .with(csrf())
                        .with(Sesiones.de(admin)))
                .bodyText()
                .contains("Ya existe un usuario con este correo.");
        assertThat(mvc.post()
                        .uri("/usuarios")
                        .param("nombre", "Sin rol")
                        .param("email", email())
                        .param("rol", "JEFE")
                        .with(csrf())
                        .with(Sesiones.de(admin)))
                .hasStatusOk()
                .bodyText()
                .contains("El valor no tiene el formato esperado.");
    }

    @Test
    void anAdministratorChangesRoleAndDisablesAUser() {
        TestUser lector = users.create(Rol.LECTOR);
        assertThat(mvc.get().uri("/usuarios/" + lector.id()).with(Sesiones.de(admin)))
                .hasStatusOk()
                .bodyText()
                .contains("Editar usuario", lector.email(), "Restablecer contraseña");
        assertThat(mvc.post()
                        .uri("/usuarios/" + lector.id())
                        .param("nombre", "Renombrado")
                        .param("rol", "TECNICO")
                        .with(csrf())
                        .with(Sesiones.de(admin)))
                .hasStatus(302)
                .hasRedirectedUrl("/usuarios");
        UsuarioView after = usuarios.buscar(lector.id());
        assertThat(after.nombre()).isEqualTo("Renombrado");
        assertThat(after.rol()).isEqualTo(Rol.TECNICO);
        assertThat(after.enabled()).isFalse();
        assertThat(mvc.get().uri("/usuarios/999999999").with(Sesiones.de(admin)))
                .hasStatus(404);
    }

    @Test
    void theLastAdministratorCannotBeDemoted() {
        TestUser only = users.create(Rol.ADMIN);
        for (UsuarioView u : usuarios.listar()) {
            if (u.rol() == Rol.ADMIN && u.enabled() && u.id() != only.id()) {
                usuarios.actualizar(u.id(), new ActualizarUsuarioRequest(null, Rol.LECTOR, null));
            }
        }
        try {
            assertThat(mvc.post()
                            .uri("/usuarios/" + only.id())
                            .param("nombre", "Única")
                            .param("rol", "LECTOR")
                            .param("enabled", "true")
                            .with(csrf())
                            .with(Sesiones.de(only)))
                    .hasStatusOk()
                    .bodyText()
                    .contains("Debe quedar al menos un administrador habilitado.");
            assertThat(usuarios.buscar(only.id()).rol()).isEqualTo(Rol.ADMIN);
        } finally {
            usuarios.actualizar(admin.id(), new ActualizarUsuarioRequest(null, Rol.ADMIN, true));
        }
    }

    @Test
    void resettingAPasswordShowsTheNewOneOnceAndEndsTheOldOne() {
        TestUser tecnico = users.create(Rol.TECNICO);
        MvcTestResult result = mvc.post()
                .uri("/usuarios/" + tecnico.id() + "/password")
                .with(csrf())
                .with(Sesiones.de(admin))
                .exchange();
        assertThat(result).hasStatusOk().bodyText().contains("Contraseña restablecida", "id=\"password-generada\"");
        assertThat(mvc.get().uri("/").with(Sesiones.de(tecnico))).hasStatus(302);
    }

    @Test
    void namesAreShownAsTextNeverAsMarkup() throws Exception {
        String email = email();
        usuarios.crear(new CrearUsuarioRequest(XSS, email, Rol.LECTOR, TestUsers.PASSWORD));
        String body = mvc.get()
                .uri("/usuarios?q=" + email)
                .with(Sesiones.de(admin))
                .exchange()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).doesNotContain(XSS).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;b&gt;");
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        assertThat(mvc.post()
                        .uri("/usuarios")
                        .param("nombre", "Sin token")
                        .param("email", email())
                        .param("rol", "LECTOR")
                        .with(Sesiones.de(admin)))
                .hasStatus(403);
    }
}
