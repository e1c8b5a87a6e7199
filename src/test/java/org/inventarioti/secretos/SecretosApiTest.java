package org.inventarioti.secretos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** No spelling of a secret gets stored through the API: every entity refuses it with 422 naming the field only. */
@InventarioTest
@ExtendWith(OutputCaptureExtension.class)
class SecretosApiTest {

    static final String RECUPERACION = "111111-222222-333333-444444-555555-666666-777777-888888";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    Api tecnico;
    Api admin;
    long laptop;

    @BeforeEach
    void setUp() {
        tecnico = new Api(mvc, users.create(Rol.TECNICO));
        admin = new Api(mvc, users.create(Rol.ADMIN));
        laptop = jdbc.sql("SELECT id FROM categorias WHERE nombre = 'Laptop'")
                .query(Long.class)
                .single();
    }

    private String activo(String extraSpecs, String nombre, String notas) {
        return "{\"categoria_id\": " + laptop + ", \"nombre\": \"" + nombre + "\", \"numero_serie\": \""
                + Api.unique("SN") + "\", \"notas\": " + notas
                + ", \"especificaciones\": {\"cpu\": \"i7\", \"ram\": \"16GB\"" + extraSpecs + "}}";
    }

    private long stored(String needle) {
        return jdbc.sql(
                        "SELECT count(*) FROM activos WHERE especificaciones::text LIKE :n OR coalesce(notas, '') LIKE :n"
                                + " OR nombre LIKE :n")
                .param("n", "%" + needle + "%")
                .query(Long.class)
                .single();
    }

    private long audited(String needle) {
        return jdbc.sql("SELECT count(*) FROM auditoria WHERE coalesce(despues::text, '') LIKE :n")
                .param("n", "%" + needle + "%")
                .query(Long.class)
                .single();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "PassWord",
                "Pass Word",
                "pass-word",
                "BitLockerKey",
                "Bit Locker Key",
                "PassPhrase",
                "ContraSeña",
                "pаsswоrd",
                "ｐａｓｓｗｏｒｄ"
            })
    void aSecretKeyInAnySpellingIs422AndNotStored(String key, CapturedOutput output) {
        String value = Api.unique("valor-secreto");
        MvcTestResult refused =
                tecnico.post("/api/activos", activo(", \"" + key + "\": \"" + value + "\"", "L", "null"));
        assertThat(refused).hasStatus(422);
        assertThat((List<String>) Api.read(refused, "$.errors[*].field"))
                .singleElement()
                .asString()
                .startsWith("especificaciones.");
        assertThat(Api.body(refused)).doesNotContain(value);
        assertThat(stored(value)).isZero();
        assertThat(audited(value)).isZero();
        assertThat(output.getAll()).doesNotContain(value);
    }

    @Test
    void aSecretKeySplitAcrossNestingIs422() {
        String value = Api.unique("valor-secreto");
        MvcTestResult refused =
                tecnico.post("/api/activos", activo(", \"bitlocker\": {\"key\": \"" + value + "\"}", "L", "null"));
        assertThat(refused).hasStatus(422);
        assertThat((String) Api.read(refused, "$.errors[0].field")).isEqualTo("especificaciones.bitlocker.key");
        assertThat(stored(value)).isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                RECUPERACION,
                "111111222222333333444444555555666666777777888888",
                "-----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1rZXktdjEAAAA -----END OPENSSH PRIVATE KEY-----"
            })
    void aSecretValueInAnyFreeTextOfAnAssetIs422(String secret) {
        String mark = secret.substring(0, 20);
        MvcTestResult inNombre = tecnico.post("/api/activos", activo("", "Equipo " + secret, "null"));
        assertThat(inNombre).hasStatus(422);
        assertThat((String) Api.read(inNombre, "$.errors[0].field")).isEqualTo("nombre");
        MvcTestResult inNotas = tecnico.post("/api/activos", activo("", "L", "\"clave " + secret + "\""));
        assertThat(inNotas).hasStatus(422);
        assertThat((String) Api.read(inNotas, "$.errors[0].field")).isEqualTo("notas");
        MvcTestResult inSpec = tecnico.post("/api/activos", activo(", \"nota\": \"" + secret + "\"", "L", "null"));
        assertThat(inSpec).hasStatus(422);
        for (MvcTestResult r : List.of(inNombre, inNotas, inSpec)) {
            assertThat(Api.body(r)).doesNotContain(mark);
        }
        assertThat(stored(mark)).isZero();
    }

    @Test
    void aRecoveryKeyAsAJsonNumberIs422() {
        MvcTestResult refused = tecnico.post(
                "/api/activos", activo(", \"numero\": 111111222222333333444444555555666666777777888888", "L", "null"));
        assertThat(refused).hasStatus(422);
        assertThat((String) Api.read(refused, "$.errors[0].field")).isEqualTo("especificaciones.numero");
    }

    @Test
    void maintenanceCategoriesAndUsersRefuseSecretValues() {
        long activo = Api.id(tecnico.post("/api/activos", activo("", "L", "null")));
        MvcTestResult mantenimiento = tecnico.post(
                "/api/mantenimientos",
                "{\"activo_id\": " + activo + ", \"tipo\": \"preventivo\", \"titulo\": \"t\", \"notas\": \"key "
                        + RECUPERACION + "\"}");
        assertThat(mantenimiento).hasStatus(422);
        assertThat((String) Api.read(mantenimiento, "$.errors[0].field")).isEqualTo("notas");
        MvcTestResult categoria = admin.post(
                "/api/categorias",
                "{\"nombre\": \"" + Api.unique("C") + "\", \"descripcion\": \"" + RECUPERACION + "\"}");
        assertThat(categoria).hasStatus(422);
        assertThat((String) Api.read(categoria, "$.errors[0].field")).isEqualTo("descripcion");
        MvcTestResult esquema = admin.post(
                "/api/categorias",
                "{\"nombre\": \"" + Api.unique("C") + "\", \"esquema\": {\"type\": \"object\", \"properties\":"
                        + " {\"bitlocker\": {\"type\": \"object\", \"properties\": {\"key\": {\"type\": \"string\"}}}}}}");
        assertThat(esquema).hasStatus(422);
        for (MvcTestResult r : List.of(mantenimiento, categoria)) {
            assertThat(Api.body(r)).doesNotContain("111111");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM mantenimientos WHERE notas LIKE '%111111%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aSecretSentInADateFieldIsNotEchoed() {
        MvcTestResult refused = tecnico.post(
                "/api/activos",
                activo("", "L", "null").replaceFirst("\\{", "{\"fecha_compra\": \"" + RECUPERACION + "\","));
        assertThat(refused).hasStatus(400);
        assertThat((String) Api.read(refused, "$.detail")).contains("fecha_compra");
        assertThat(Api.body(refused)).doesNotContain("111111");
    }
}
