package org.inventarioti.cuarentena;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@InventarioTest
class CuarentenaApiTest {

    private static final String URL = "/api/especificaciones/cuarentena";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    private String codigoPendiente;
    private String codigoResuelto;
    private static final String TEXTO = "{cpu: <script>alert(1)</script>'; DROP TABLE activos; --";

    @BeforeEach
    void quarantinedTexts() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        codigoPendiente = "CUA-P-" + suffix;
        codigoResuelto = "CUA-R-" + suffix;
        long categoria = jdbc.sql("INSERT INTO categorias (nombre) VALUES (:n) RETURNING id")
                .param("n", "Cuarentena " + suffix)
                .query(Long.class)
                .single();
        for (String codigo : new String[] {codigoPendiente, codigoResuelto}) {
            long activo = jdbc.sql("""
                            INSERT INTO activos (codigo, categoria_id, nombre, numero_serie)
                            VALUES (:c, :cat, 'Equipo', :c) RETURNING id""")
                    .param("c", codigo)
                    .param("cat", categoria)
                    .query(Long.class)
                    .single();
            jdbc.sql("""
                            INSERT INTO especificaciones_cuarentena (activo_id, texto_original, motivo, resuelto_en)
                            VALUES (:a, :t, 'invalid JSON: test', :r)""")
                    .param("a", activo)
                    .param("t", TEXTO)
                    .param("r", codigo.equals(codigoResuelto) ? java.time.OffsetDateTime.now() : null)
                    .update();
        }
    }

    @Test
    void adminSeesEveryQuarantinedTextVerbatim() {
        var admin = users.create(Rol.ADMIN);
        var all = mvc.get().uri(URL).header("Authorization", admin.bearer());
        assertThat(all).hasStatusOk();
        assertThat(all)
                .bodyJson()
                .extractingPath("$[?(@.codigo == '" + codigoPendiente + "')].texto_original")
                .asArray()
                .containsExactly(TEXTO);
        assertThat(all)
                .bodyJson()
                .extractingPath("$[?(@.codigo == '" + codigoPendiente + "')]")
                .asArray()
                .singleElement()
                .asString()
                .contains("activo_id", "motivo=invalid JSON: test", "detectado_en", "resuelto_en=null");
        assertThat(all)
                .bodyJson()
                .extractingPath("$[?(@.codigo == '" + codigoResuelto + "')].resuelto_en")
                .asArray()
                .hasSize(1)
                .doesNotContainNull();

        var pending = mvc.get().uri(URL + "?pendientes=true").header("Authorization", admin.bearer());
        assertThat(pending)
                .bodyJson()
                .extractingPath("$[*].codigo")
                .asArray()
                .contains(codigoPendiente)
                .doesNotContain(codigoResuelto);
    }

    @Test
    void onlyAdministratorsMayReadIt() {
        assertThat(mvc.get().uri(URL)).hasStatus(401);
        assertThat(mvc.get()
                        .uri(URL)
                        .header("Authorization", users.create(Rol.LECTOR).bearer()))
                .hasStatus(403);
        assertThat(mvc.get()
                        .uri(URL)
                        .header("Authorization", users.create(Rol.TECNICO).bearer()))
                .hasStatus(403);
    }

    @Test
    void aBadParameterIsABadRequest() {
        var admin = users.create(Rol.ADMIN);
        assertThat(mvc.get().uri(URL + "?pendientes=quizas").header("Authorization", admin.bearer()))
                .hasStatus(400);
        assertThat(mvc.post().uri(URL).header("Authorization", admin.bearer())).hasStatus(405);
    }
}
