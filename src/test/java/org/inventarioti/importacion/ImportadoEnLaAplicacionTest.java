package org.inventarioti.importacion;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.UUID;
import org.inventarioti.importacion.LegadoQuirks.Estado;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Requests;
import org.inventarioti.support.Sesiones;
import org.inventarioti.support.TestDatabase;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** What people notice after the move: their old passwords and the old QR labels still work. */
@InventarioTest
@ExtendWith(OutputCaptureExtension.class)
class ImportadoEnLaAplicacionTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestUsers users;

    @BeforeAll
    static void mariadb() {
        LegacyMariaDb.requireServer();
    }

    private MvcTestResult login(String path, String email, String password) {
        return mvc.post()
                .uri(path)
                .with(Requests.fromNewAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .exchange();
    }

    /** The imported accounts, copied with their stored hashes into the application's database. */
    @Test
    void importedAccountsSignInWithTheirOldPasswordsThroughBothLoginPaths() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        try (LegacyMariaDb legacy = LegacyMariaDb.create();
                TestDatabase.Scratch target = TestDatabase.get().scratch()) {
            LegadoQuirks.construir(legacy, Estado.PRE);
            Destinos.desdeVivo(legacy, target, Destinos.opciones(false, LegadoQuirks.ADMIN));
            try (Connection c = target.connect();
                    var rs = c.createStatement()
                            .executeQuery("SELECT email, password_hash, rol, enabled FROM usuarios ORDER BY id")) {
                while (rs.next()) {
                    jdbc.sql("INSERT INTO usuarios (nombre, email, password_hash, rol, enabled) VALUES (?, ?, ?, ?, ?)")
                            .params(
                                    "Importado",
                                    suffix + "." + rs.getString(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getBoolean(4))
                            .update();
                }
            }
        }
        String admin = suffix + "." + LegadoQuirks.ADMIN;
        MvcTestResult viaAlias = login("/api/usuarios/login", admin, LegadoQuirks.ADMIN_PASSWORD);
        assertThat(viaAlias)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.usuario.rol")
                .isEqualTo("ADMIN");
        assertThat(viaAlias).bodyJson().extractingPath("$.token").isNotNull();
        assertThat(login("/api/auth/login", suffix + "." + LegadoQuirks.TECNICO, LegadoQuirks.TECNICO_PASSWORD))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.usuario.rol")
                .isEqualTo("TECNICO");
        assertThat(login("/api/auth/login", admin, "not-the-password")).hasStatus(401);
        assertThat(login("/api/auth/login", suffix + ".plano@legacy.local", "notahash"))
                .hasStatus(401);
    }

    @Test
    void anOldLabelUrlOpensTheAssetAndItsTokenIsNeitherKeptNorLogged(CapturedOutput output) {
        var tecnico = users.create(Rol.TECNICO);
        long categoria = jdbc.sql("SELECT id FROM categorias WHERE nombre = 'Laptop'")
                .query(Long.class)
                .single();
        MvcTestResult created = new Api(mvc, tecnico)
                .post(
                        "/api/activos",
                        "{\"categoria_id\": " + categoria + ", \"nombre\": \"Etiqueta vieja\", \"numero_serie\": \""
                                + Api.unique("QR") + "\", \"especificaciones\": {\"cpu\": \"i5\", \"ram\": \"8GB\"}}");
        long id = Api.id(created);
        String codigo = Api.read(created, "$.codigo");
        String token = "eyJhbGciOiJIUzI1NiJ9.eyJ1c3VhcmlvIjp7ImlkIjoxfX0.legacy-label-token-" + id;
        for (String old : new String[] {token, "undefined"}) {
            MvcTestResult label = mvc.get()
                    .uri("/activos/" + id + "?token=" + old)
                    .with(Sesiones.de(tecnico))
                    .exchange();
            assertThat(label).hasStatus(302);
            assertThat(label.getResponse().getHeader("Location")).isEqualTo("/activos/" + codigo);
        }
        assertThat(mvc.get().uri("/activos/" + codigo).with(Sesiones.de(tecnico)))
                .hasStatusOk()
                .bodyText()
                .contains("Etiqueta vieja");
        MvcTestResult anonymous =
                mvc.get().uri("/activos/" + id + "?token=" + token).exchange();
        assertThat(anonymous).hasStatus(302);
        assertThat(anonymous.getResponse().getHeader("Location")).doesNotContain(token);
        assertThat(output.getAll()).doesNotContain(token);
    }
}
