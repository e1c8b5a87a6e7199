package org.inventarioti.activos;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
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
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Every kind of bad input of the asset API answers 400/409/422 naming the problem, never 500. */
@InventarioTest
@ExtendWith(OutputCaptureExtension.class)
class ActivoBadInputTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    Api tecnico;
    long laptop;

    @BeforeEach
    void setUp() {
        tecnico = new Api(mvc, users.create(Rol.TECNICO));
        laptop = Activos.categoria(jdbc, "Laptop");
    }

    private String valid() {
        return Activos.laptop(laptop, Api.unique("SN"));
    }

    private static String field(MvcTestResult result, int index) {
        return Api.read(result, "$.errors[" + index + "].field");
    }

    @Test
    void malformedJsonAndWrongTypesAre400() {
        assertThat(tecnico.post("/api/activos", "{\"nombre\": ")).hasStatus(400);
        assertThat(tecnico.post("/api/activos", "[1, 2]")).hasStatus(400);
        assertThat(tecnico.post("/api/activos", valid().replace("\"precio\": 1250.50", "\"precio\": \"mucho\"")))
                .hasStatus(400);
        assertThat(tecnico.post(
                        "/api/activos", valid().replace("\"categoria_id\": " + laptop, "\"categoria_id\": \"x\"")))
                .hasStatus(400);
        assertThat(tecnico.post("/api/activos", valid().replace("\"Ana Pérez\"", "42")))
                .hasStatus(400);
        assertThat(tecnico.post("/api/activos", valid().replace("\"2024-03-01\"", "\"ayer\"")))
                .hasStatus(400);
        assertThat(tecnico.post(
                        "/api/activos", valid().replace("{\"cpu\"", "[{\"cpu\"").replace("SSD\"}", "SSD\"}]")))
                .hasStatus(400);
        MvcTestResult unknown = tecnico.post("/api/activos", valid().replaceFirst("\\{", "{\"color\": \"rojo\","));
        assertThat(unknown).hasStatus(400);
        assertThat((String) Api.read(unknown, "$.detail")).contains("color");
        long id = Api.id(Activos.crear(tecnico, laptop, Api.unique("SN")));
        assertThat(tecnico.patch("/api/activos/" + id, "{\"color\": \"rojo\"}", "\"0\""))
                .hasStatus(400);
        assertThat(tecnico.patch("/api/activos/" + id, "{\"precio\": \"caro\"}", "\"0\""))
                .hasStatus(400);
        assertThat(tecnico.patch("/api/activos/" + id, "[]", "\"0\"")).hasStatus(400);
        assertThat(tecnico.get("/api/activos/abc")).hasStatus(400);
    }

    @Test
    void missingFieldsAndBrokenRulesAre422WithTheFields() {
        MvcTestResult result = tecnico.post(
                "/api/activos",
                valid().replace("\"numero_serie\"", "\"x\": 1, \"y\"")
                        .replaceAll("\"x\": 1, ", "")
                        .replace("\"y\"", "\"numero_serie\"")
                        .replace("\"nombre\": \"Portátil", "\"nombre\": \"  \", \"z\": \"")
                        .replace(", \"z\": \"", ", \"marca2\": \""));
        assertThat(result.getResponse().getStatus()).isIn(400, 422);

        MvcTestResult rules = tecnico.post(
                "/api/activos",
                valid().replace("\"precio\": 1250.50", "\"precio\": -1")
                        .replace("\"USD\"", "\"dólares\"")
                        .replace("\"enabled\"", "\"maybe\"")
                        .replace("\"garantia_hasta\": \"2027-03-01\"", "\"garantia_hasta\": \"2020-01-01\"")
                        .replace("\"Finanzas\"", "\"" + "x".repeat(201) + "\""));
        assertThat(rules).hasStatus(422);
        assertThat((List<String>) Api.read(rules, "$.errors[*].field"))
                .contains("precio", "moneda", "bitlocker", "garantia_hasta", "area");

        MvcTestResult estado = tecnico.post("/api/activos", valid().replaceFirst("\\{", "{\"estado\": \"Perdido\","));
        assertThat(estado).hasStatus(422);
        assertThat(field(estado, 0)).isEqualTo("estado");

        MvcTestResult blank = tecnico.post(
                "/api/activos", valid().replace("\"nombre\": \"Portátil de", "\"nombre\": \" \", \"notas\": \""));
        assertThat(blank).hasStatus(422);
        assertThat((List<String>) Api.read(blank, "$.errors[*].field")).contains("nombre");
    }

    @Test
    void anUnknownCategoryIs422() {
        MvcTestResult result = tecnico.post(
                "/api/activos", valid().replace("\"categoria_id\": " + laptop, "\"categoria_id\": 987654"));
        assertThat(result).hasStatus(422);
        assertThat(field(result, 0)).isEqualTo("categoria_id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%s", "%S", "  %s  ", " %S"})
    void aDuplicateSerialIs409NamingTheField(String variant) {
        String serie = Api.unique("dup").toLowerCase();
        Activos.crear(tecnico, laptop, serie);
        MvcTestResult duplicate = tecnico.post("/api/activos", Activos.laptop(laptop, variant.formatted(serie)));
        assertThat(duplicate).hasStatus(409);
        assertThat(field(duplicate, 0)).isEqualTo("numero_serie");
    }

    @Test
    void aMissingRequiredSpecPointsAtTheField() {
        MvcTestResult result = tecnico.post("/api/activos", valid().replace("\"ram\": \"16GB\", ", ""));
        assertThat(result).hasStatus(422);
        assertThat(field(result, 0)).isEqualTo("especificaciones.ram");
        assertThat((String) Api.read(result, "$.errors[0].message")).isEqualTo("required");
        assertThat((String) Api.read(result, "$.detail")).contains("especificaciones.ram: required");

        MvcTestResult wrongType = tecnico.post("/api/activos", valid().replace("\"ram\": \"16GB\"", "\"ram\": 16"));
        assertThat(wrongType).hasStatus(422);
        assertThat(field(wrongType, 0)).isEqualTo("especificaciones.ram");
        assertThat((String) Api.read(wrongType, "$.errors[0].code"))
                .as("the schema keyword, for clients that word errors themselves")
                .isEqualTo("type");
        assertThat((List<String>) Api.read(wrongType, "$.errors[0].args")).containsExactly("integer", "string");
        assertThat((String) Api.read(wrongType, "$.errors[0].message")).isEqualTo("integer found, string expected");
    }

    @Test
    void specsOverTheBoundsAre422() {
        String longKey = "k".repeat(65);
        String longText = "v".repeat(1025);
        String manyItems = "[" + "1,".repeat(200) + "1]";
        String bigObject = "{"
                + java.util.stream.IntStream.range(0, 40)
                        .mapToObj(i -> "\"campo_" + i + "\": \"" + "x".repeat(500) + "\"")
                        .reduce((a, b) -> a + "," + b)
                        .orElseThrow()
                + ", \"cpu\": \"i7\", \"ram\": \"8GB\"}";
        String deep = "{\"a\":".repeat(12) + "1" + "}".repeat(12);
        for (String[] spec : new String[][] {
            {"\"" + longKey + "\": 1", "especificaciones." + longKey},
            {"\"notas_largas\": \"" + longText + "\"", "especificaciones.notas_largas"},
            {"\"puertos\": " + manyItems, "especificaciones.puertos"},
            {"\"anidado\": " + deep, null},
        }) {
            MvcTestResult result = tecnico.post("/api/activos", valid().replace("\"disco\": \"512GB SSD\"", spec[0]));
            assertThat(result).as(spec[0].substring(0, 20)).hasStatus(422);
            if (spec[1] != null) {
                assertThat(field(result, 0)).isEqualTo(spec[1]);
            }
        }
        MvcTestResult big = tecnico.post(
                "/api/activos",
                valid().replaceAll("\"especificaciones\": \\{[^}]*\\}", "\"especificaciones\": " + bigObject));
        assertThat(big).hasStatus(422);
        assertThat(field(big, 0)).isEqualTo("especificaciones");
        assertThat((String) Api.read(big, "$.errors[0].message")).contains("16 KiB");
    }

    @Test
    void sensitiveKeysAtAnyDepthAreRefusedNeverStoredLoggedOrEchoed(CapturedOutput output) {
        String secret = "123456-234567-345678-456789-567890-678901-789012-890123";
        String token = "tok_" + java.util.UUID.randomUUID();
        Logger web = (Logger) LoggerFactory.getLogger("org.springframework.web");
        Level before = web.getLevel();
        web.setLevel(Level.DEBUG);
        try {
            String serie = Api.unique("SECRET");
            for (String[] spec : new String[][] {
                {"\"bitlocker_recovery_key\": \"" + secret + "\"", "especificaciones.bitlocker_recovery_key"},
                {"\"BitLocker Recovery Key\": \"" + secret + "\"", "especificaciones.bit_locker_recovery_key"},
                {"\"red\": {\"wifi\": {\"Password\": \"" + token + "\"}}", "especificaciones.red.wifi.password"},
                {
                    "\"cuentas\": [{\"usuario\": \"x\", \"apiToken\": \"" + token + "\"}]",
                    "especificaciones.cuentas[0].api_token"
                },
                {"\"clave_privada\": \"" + token + "\"", "especificaciones.clave_privada"},
                {"\"contraseña\": \"" + token + "\"", "especificaciones.contrasena"},
                {"\"client_secret\": \"" + token + "\"", "especificaciones.client_secret"},
                {"\"nota\": \"" + secret + "\"", "especificaciones.nota"},
            }) {
                String body = Activos.laptop(laptop, serie).replace("\"disco\": \"512GB SSD\"", spec[0]);
                MvcTestResult result = tecnico.post("/api/activos", body);
                assertThat(result).as(spec[1]).hasStatus(422);
                assertThat((List<String>) Api.read(result, "$.errors[*].field")).contains(spec[1]);
                assertThat(Api.body(result)).doesNotContain(secret).doesNotContain(token);
            }
            long id = Api.id(Activos.crear(tecnico, laptop, serie));
            MvcTestResult patch = tecnico.patch(
                    "/api/activos/" + id,
                    "{\"especificaciones\": {\"recovery\": {\"key\": \"" + secret + "\"}}}",
                    "\"0\"");
            assertThat(patch).hasStatus(422);
            assertThat(Api.body(patch)).doesNotContain(secret);
            MvcTestResult notas =
                    tecnico.patch("/api/activos/" + id, "{\"notas\": \"clave: " + secret + "\"}", "\"0\"");
            assertThat(notas).hasStatus(422);
            assertThat(Api.body(notas)).doesNotContain(secret);
        } finally {
            web.setLevel(before);
        }
        assertThat(output.getAll()).doesNotContain(secret).doesNotContain(token);
        assertThat(jdbc.sql("SELECT count(*) FROM activos WHERE especificaciones::text LIKE ? OR notas LIKE ?")
                        .params("%" + token + "%", "%" + secret + "%")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM auditoria WHERE coalesce(antes::text, '') || coalesce(despues::text, '')"
                                        + " LIKE ? OR coalesce(antes::text, '') || coalesce(despues::text, '') LIKE ?")
                        .params("%" + token + "%", "%" + secret + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void sqlAndScriptStringsAreStoredVerbatimAndReturnedAsJsonText() {
        String sql = "'; DROP TABLE activos; --";
        String script = "<script>alert('x')</script>";
        String body = """
                {"categoria_id": %d, "nombre": "%s", "marca": "%s", "modelo": "\\" OR 1=1 --", "numero_serie": "%s",
                 "area": "%s", "ubicacion": "{{7*7}}", "proveedor": "${jndi:ldap://x}", "responsable": "%s",
                 "notas": "%s", "especificaciones": {"cpu": "%s", "ram": "8GB", "disco": "%s"}}""".formatted(laptop, sql, script, Api.unique("'; --"), script, sql, script, sql, script);
        MvcTestResult created = tecnico.post("/api/activos", body);
        assertThat(created).hasStatus(201);
        assertThat(created.getResponse().getContentType()).startsWith("application/json");
        assertThat(created.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        MvcTestResult read = tecnico.get("/api/activos/" + Api.id(created));
        assertThat((String) Api.read(read, "$.nombre")).isEqualTo(sql);
        assertThat((String) Api.read(read, "$.marca")).isEqualTo(script);
        assertThat((String) Api.read(read, "$.modelo")).isEqualTo("\" OR 1=1 --");
        assertThat((String) Api.read(read, "$.proveedor")).isEqualTo("${jndi:ldap://x}");
        assertThat((String) Api.read(read, "$.especificaciones.disco")).isEqualTo(script);
        assertThat(Api.body(read)).contains("\\\" OR 1=1 --");
        assertThat(jdbc.sql("SELECT count(*) FROM activos").query(Long.class).single())
                .isPositive();
        MvcTestResult search = tecnico.send(mvc.get().uri("/api/activos").param("q", sql));
        assertThat(search).hasStatusOk();
        assertThat((List<String>) Api.read(search, "$.items[*].nombre")).contains(sql);
        assertThat(tecnico.get("/api/activos?q=%25&size=1")).hasStatusOk();
        assertThat(tecnico.send(mvc.get().uri("/api/activos").param("area", sql)))
                .hasStatusOk();
    }

    @Test
    void nulCharactersAre400NamingTheFieldNotAServerError() {
        MvcTestResult result = tecnico.post("/api/activos", valid().replace("\"Dell\"", "\"De\\u0000ll\""));
        assertThat(result).hasStatus(400);
        assertThat((String) Api.read(result, "$.field")).isEqualTo("marca");
        MvcTestResult spec = tecnico.post("/api/activos", valid().replace("\"512GB SSD\"", "\"5\\u0000\""));
        assertThat(spec).hasStatus(400);
        assertThat((String) Api.read(spec, "$.field")).isEqualTo("especificaciones.disco");
    }

    @Test
    void badListParametersAre400() {
        assertThat(tecnico.get("/api/activos?size=201")).hasStatus(400);
        assertThat(tecnico.get("/api/activos?size=0")).hasStatus(400);
        assertThat(tecnico.get("/api/activos?size=abc")).hasStatus(400);
        assertThat(tecnico.get("/api/activos?page=0")).hasStatus(400);
        assertThat(tecnico.get("/api/activos?size=200")).hasStatusOk();
        MvcTestResult sort = tecnico.get("/api/activos?sort=password");
        assertThat(sort).hasStatus(400);
        assertThat((String) Api.read(sort, "$.parameter")).isEqualTo("sort");
        assertThat(tecnico.get("/api/activos?sort=nombre,sideways")).hasStatus(400);
        assertThat(tecnico.get("/api/activos?sort=nombre;DROP TABLE activos")).hasStatus(400);
        MvcTestResult unknown = tecnico.get("/api/activos?color=rojo");
        assertThat(unknown).hasStatus(400);
        assertThat((String) Api.read(unknown, "$.parameter")).isEqualTo("color");
        assertThat(tecnico.get("/api/activos?estado=Perdido")).hasStatus(400);
        assertThat(tecnico.get("/api/activos?bitlocker=maybe")).hasStatus(400);
        assertThat(tecnico.get("/api/activos?categoria_id=x")).hasStatus(400);
        assertThat(tecnico.get("/api/activos?fecha_compra_desde=2024-13-01")).hasStatus(400);
        assertThat(tecnico.get("/api/activos?area=a&area=b")).hasStatus(400);
        assertThat(tecnico.get("/api/activos?after=not-a-cursor")).hasStatus(400);
        assertThat(tecnico.get("/api/activos?spec.=x")).hasStatus(400);
        assertThat(tecnico.get("/api/activos?spec.a..b=x")).hasStatus(400);
    }

    @Test
    void aTecnicoCannotDelete() {
        long id = Api.id(Activos.crear(tecnico, laptop, Api.unique("SN")));
        assertThat(tecnico.delete("/api/activos/" + id)).hasStatus(403);
        assertThat(tecnico.get("/api/activos/" + id)).hasStatusOk();
    }
}
