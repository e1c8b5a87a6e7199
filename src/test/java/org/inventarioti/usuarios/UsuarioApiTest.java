package org.inventarioti.usuarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.function.Function;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestUsers;
import org.inventarioti.support.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@InventarioTest
class UsuarioApiTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    TestUser admin;
    TestUser target;

    @BeforeEach
    void setUp() {
        admin = users.create(Rol.ADMIN);
        target = users.create(Rol.LECTOR);
    }

    private static String newUserJson(String email) {
        return "{\"nombre\":\"Ana\",\"email\":\"" + email + "\",\"rol\":\"TECNICO\",\"password\":\"a-long-password\"}";
    }

    /** Every /api/usuarios operation, so each can be tried as each role. */
    private java.util.List<Function<MockMvcTester, MockMvcRequestBuilder>> operations() {
        return java.util.List.of(
                m -> m.get().uri("/api/usuarios"),
                m -> m.get().uri("/api/usuarios/" + target.id()),
                m -> m.post()
                        .uri("/api/usuarios")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(newUserJson(UUID.randomUUID() + "@test.local")),
                m -> m.patch()
                        .uri("/api/usuarios/" + target.id())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nombre\":\"Renamed\"}"),
                m -> m.post()
                        .uri("/api/usuarios/" + target.id() + "/password")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"yet-another-password\"}"));
    }

    @Test
    void adminMayDoEveryOperation() {
        for (var operation : operations()) {
            MvcTestResult result = operation
                    .apply(mvc)
                    .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                    .exchange();
            assertThat(result.getResponse().getStatus())
                    .as(result.getRequest().getRequestURI())
                    .isBetween(200, 204);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Rol.class,
            names = {"TECNICO", "LECTOR"})
    void otherRolesAreForbidden(Rol rol) {
        TestUser user = users.create(rol);
        for (var operation : operations()) {
            assertThat(operation.apply(mvc).header(HttpHeaders.AUTHORIZATION, user.bearer()))
                    .hasStatus(403);
        }
    }

    @Test
    void anonymousIsUnauthorized() {
        for (var operation : operations()) {
            MvcTestResult result = operation.apply(mvc).exchange();
            assertThat(result).hasStatus(401);
            assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE))
                    .startsWith("Bearer");
        }
    }

    @Test
    void creatingAUserIsAuditedWithoutThePassword() throws Exception {
        String email = "Nueva." + UUID.randomUUID() + "@Test.local";
        MvcTestResult created = mvc.post()
                .uri("/api/usuarios")
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(newUserJson(email))
                .exchange();
        assertThat(created).hasStatus(201).bodyJson().extractingPath("$.email").isEqualTo(email.toLowerCase());
        assertThat(created.getResponse().getContentAsString()).doesNotContain("password");
        Number id = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.id");

        var audit = jdbc.sql("SELECT actor_email, despues::text FROM auditoria WHERE entidad = 'usuario' "
                        + "AND entidad_id = ? AND accion = 'crear'")
                .param(id.toString())
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
                .single();
        assertThat(audit)
                .startsWith(admin.email())
                .contains(email.toLowerCase())
                .doesNotContain("a-long-password");
    }

    @Test
    void anUpdateAuditsOnlyTheChangedFields() {
        mvc.patch()
                .uri("/api/usuarios/" + target.id())
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"rol\":\"TECNICO\"}")
                .exchange();
        String after = jdbc.sql("SELECT despues::text FROM auditoria WHERE entidad = 'usuario' AND entidad_id = ? "
                        + "AND accion = 'actualizar'")
                .param(Long.toString(target.id()))
                .query(String.class)
                .single();
        assertThat(after).isEqualTo("{\"rol\": \"TECNICO\"}");
    }

    @Test
    void badInputIsRefusedWithTheField() {
        String bearer = admin.bearer();
        assertThat(post(bearer, newUserJson(target.email().toUpperCase())))
                .hasStatus(409)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("email");
        assertThat(post(bearer, newUserJson("not-an-email")))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("email");
        assertThat(post(
                        bearer,
                        "{\"nombre\":\"A\",\"email\":\"x@test.local\",\"rol\":\"TECNICO\",\"password\":\"short\"}"))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("password");
        assertThat(post(
                        bearer,
                        "{\"nombre\":\"A\",\"email\":\"y@test.local\",\"rol\":\"TECNICO\",\"password\":\""
                                + "ñ".repeat(40) + "\"}"))
                .hasStatus(422);
        assertThat(
                        post(
                                bearer,
                                "{\"nombre\":\"A\",\"email\":\"z@test.local\",\"rol\":\"ROOT\",\"password\":\"a-long-password\"}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("rol");
        assertThat(post(
                        bearer,
                        "{\"nombre\":\"<script>\",\"email\":\"w@test.local\",\"rol\":\"LECTOR\",\"password\":42}"))
                .hasStatus(400);
        assertThat(post(bearer, "[]")).hasStatus(400);
        assertThat(mvc.get().uri("/api/usuarios/999999999").header(HttpHeaders.AUTHORIZATION, bearer))
                .hasStatus(404);
        assertThat(mvc.get().uri("/api/usuarios/abc").header(HttpHeaders.AUTHORIZATION, bearer))
                .hasStatus(400);
        assertThat(mvc.patch()
                        .uri("/api/usuarios/" + target.id())
                        .header(HttpHeaders.AUTHORIZATION, bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nombre\":\"   \"}"))
                .hasStatus(422);
        assertThat(mvc.post()
                        .uri("/api/usuarios/" + target.id() + "/password")
                        .header(HttpHeaders.AUTHORIZATION, bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .hasStatus(422);
        assertThat(mvc.delete().uri("/api/usuarios/" + target.id()).header(HttpHeaders.AUTHORIZATION, bearer))
                .hasStatus(405);
    }

    @Test
    void theLastEnabledAdministratorCannotBeDemotedOrDisabled() {
        var others = jdbc.sql("UPDATE usuarios SET enabled = false WHERE rol = 'ADMIN' AND enabled AND id <> ? "
                        + "RETURNING id")
                .param(admin.id())
                .query(Long.class)
                .list();
        try {
            assertThat(mvc.patch()
                            .uri("/api/usuarios/" + admin.id())
                            .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"enabled\":false}"))
                    .hasStatus(409);
            assertThat(mvc.patch()
                            .uri("/api/usuarios/" + admin.id())
                            .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"rol\":\"LECTOR\"}"))
                    .hasStatus(409);
        } finally {
            if (!others.isEmpty()) {
                jdbc.sql("UPDATE usuarios SET enabled = true WHERE id IN (:ids)")
                        .param("ids", others)
                        .update();
            }
        }
    }

    private MvcTestResult post(String bearer, String body) {
        return mvc.post()
                .uri("/api/usuarios")
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }
}
