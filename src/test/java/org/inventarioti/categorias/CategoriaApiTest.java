package org.inventarioti.categorias;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@InventarioTest
class CategoriaApiTest {

    static final String SCHEMA = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
             "properties": {"capacidad": {"type": "integer", "minimum": 1}}, "required": ["capacidad"]}""";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    Api admin;

    @BeforeEach
    void setUp() {
        admin = new Api(mvc, users.create(Rol.ADMIN));
    }

    private MvcTestResult crear(String nombre, String esquema) {
        return admin.post(
                "/api/categorias",
                "{\"nombre\": \"" + nombre + "\", \"descripcion\": \"Prueba\", \"esquema\": " + esquema + "}");
    }

    private MvcTestResult asset(Api api, long categoria, String specs) {
        return api.post(
                "/api/activos",
                "{\"categoria_id\": " + categoria + ", \"nombre\": \"UPS\", \"numero_serie\": \"" + Api.unique("UPS")
                        + "\", \"especificaciones\": " + specs + "}");
    }

    @Test
    void theSeededCategoriesCarryTheirSchemas() {
        MvcTestResult list = admin.get("/api/categorias?size=200");
        assertThat(list).hasStatusOk();
        assertThat((List<String>) Api.read(list, "$.items[*].nombre"))
                .contains(
                        "Laptop",
                        "PC de Escritorio",
                        "Servidor",
                        "Switch",
                        "Router",
                        "Monitor",
                        "Teléfono",
                        "Impresora",
                        "YubiKey");
        assertThat((List<String>) Api.read(list, "$.items[?(@.nombre == 'Laptop')].esquema.required[*]"))
                .containsExactly("cpu", "ram");
        assertThat((List<String>) Api.read(list, "$.items[?(@.nombre == 'Switch')].esquema.required[*]"))
                .containsExactly("numero_puertos");
        assertThat((List<String>) Api.read(list, "$.items[?(@.nombre == 'YubiKey')].esquema.required[*]"))
                .containsExactly("gid");
        assertThat(admin.get("/api/categorias?q=lap")).hasStatusOk();
        assertThat(admin.get("/api/categorias?sort=version")).hasStatus(400);
    }

    @Test
    void aCategoryValidatesItsAssetsSpecifications() {
        MvcTestResult created = crear(Api.unique("SAI"), SCHEMA);
        assertThat(created).hasStatus(201).hasHeader("ETag", "\"0\"");
        long id = Api.id(created);
        assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/categorias/" + id);
        assertThat(asset(admin, id, "{\"capacidad\": 1500}")).hasStatus(201);
        MvcTestResult missing = asset(admin, id, "{}");
        assertThat(missing).hasStatus(422);
        assertThat((String) Api.read(missing, "$.errors[0].field")).isEqualTo("especificaciones.capacidad");
        MvcTestResult below = asset(admin, id, "{\"capacidad\": 0}");
        assertThat(below).hasStatus(422);
        assertThat((String) Api.read(below, "$.errors[0].field")).isEqualTo("especificaciones.capacidad");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\": \"objekt\"}",
                "{\"type\": \"object\", \"required\": \"capacidad\"}",
                "{\"type\": \"object\", \"properties\": {\"a\": {\"minimum\": \"5\"}}}",
                "{\"type\": \"object\", \"properties\": {\"a\": {\"pattern\": \"(\"}}}",
                "{\"type\": \"object\", \"$ref\": \"http://127.0.0.1:9/schema.json\"}",
                "{\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"classpath:application.yml\"}}}",
                "{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"type\": \"object\"}",
                "{\"type\": \"array\"}",
                "{\"type\": \"object\", \"properties\": {\"Service Tag\": {\"type\": \"string\"}}}",
                "{\"type\": \"object\", \"properties\": {\"admin_password\": {\"type\": \"string\"}}}"
            })
    void aSchemaThatIsNotAValid2020_12ObjectSchemaIs422(String esquema) {
        MvcTestResult result = crear(Api.unique("Mala"), esquema);
        assertThat(result).as(esquema).hasStatus(422);
        assertThat((String) Api.read(result, "$.errors[0].field")).startsWith("esquema");
    }

    @Test
    void malformedDuplicateAndMissingAreRefused() {
        assertThat(crear(Api.unique("X"), "[1]")).hasStatus(400);
        assertThat(admin.post("/api/categorias", "{\"nombre\": ")).hasStatus(400);
        assertThat(admin.post("/api/categorias", "{\"descripcion\": \"sin nombre\"}"))
                .hasStatus(422);
        String nombre = Api.unique("Dup");
        assertThat(crear(nombre, SCHEMA)).hasStatus(201);
        MvcTestResult duplicate = crear(nombre.toUpperCase(), SCHEMA);
        assertThat(duplicate).hasStatus(409);
        assertThat((String) Api.read(duplicate, "$.errors[0].field")).isEqualTo("nombre");
        MvcTestResult plain = admin.post("/api/categorias", "{\"nombre\": \"" + Api.unique("Libre") + "\"}");
        assertThat(plain).hasStatus(201);
        assertThat((String) Api.read(plain, "$.esquema.type")).isEqualTo("object");
    }

    @Test
    void changingTheSchemaReportsTheAssetsThatNoLongerConform() {
        long id = Api.id(crear(Api.unique("SAI"), SCHEMA));
        long conforming = Api.id(asset(admin, id, "{\"capacidad\": 1500}"));
        String stricter = SCHEMA.replace("[\"capacidad\"]", "[\"capacidad\", \"autonomia\"]");
        MvcTestResult replaced = admin.put(
                "/api/categorias/" + id,
                "{\"nombre\": \"SAI " + id + "\", \"esquema\": " + stricter + ", \"version\": 0}");
        assertThat(replaced).hasStatusOk().hasHeader("ETag", "\"1\"");
        assertThat((Integer) Api.read(replaced, "$.no_conformes.total")).isEqualTo(1);
        assertThat(((Number) Api.read(replaced, "$.no_conformes.activos[0].id")).longValue())
                .isEqualTo(conforming);
        assertThat((String) Api.read(replaced, "$.no_conformes.activos[0].errores[0].field"))
                .isEqualTo("especificaciones.autonomia");
        assertThat((Integer) Api.read(replaced, "$.version")).isEqualTo(1);

        MvcTestResult report = admin.get("/api/categorias/" + id + "/no-conformes");
        assertThat((Integer) Api.read(report, "$.total")).isEqualTo(1);
        assertThat(admin.get("/api/activos/" + conforming)).hasStatusOk();
        assertThat(admin.patch("/api/activos/" + conforming, "{\"ubicacion\": \"Sala\"}", "\"0\""))
                .as("unchanged especificaciones are not re-validated")
                .hasStatusOk();
        MvcTestResult respec =
                admin.patch("/api/activos/" + conforming, "{\"especificaciones\": {\"capacidad\": 2000}}", "\"1\"");
        assertThat(respec).hasStatus(422);
        assertThat((String) Api.read(respec, "$.errors[0].field")).isEqualTo("especificaciones.autonomia");
        assertThat(admin.patch("/api/activos/" + conforming, "{\"especificaciones\": {\"autonomia\": 30}}", "\"1\""))
                .hasStatusOk();
        assertThat((Integer) Api.read(admin.get("/api/categorias/" + id + "/no-conformes"), "$.total"))
                .isZero();
    }

    @Test
    void replacingNeedsTheCurrentVersion() {
        long id = Api.id(crear(Api.unique("V"), SCHEMA));
        String body = "{\"nombre\": \"" + Api.unique("V2") + "\", \"esquema\": " + SCHEMA + "}";
        assertThat(admin.put("/api/categorias/" + id, body)).hasStatus(428);
        assertThat(admin.put("/api/categorias/" + id, body, "\"0\"")).hasStatusOk();
        MvcTestResult stale = admin.put("/api/categorias/" + id, body, "\"0\"");
        assertThat(stale).hasStatus(409);
        assertThat((Integer) Api.read(stale, "$.actual.version")).isEqualTo(1);
        assertThat(admin.put("/api/categorias/987654", body, "\"0\"")).hasStatus(404);
    }

    @Test
    void aCategoryInUseCannotBeDeleted() {
        long id = Api.id(crear(Api.unique("Del"), SCHEMA));
        long asset = Api.id(asset(admin, id, "{\"capacidad\": 1}"));
        MvcTestResult inUse = admin.delete("/api/categorias/" + id);
        assertThat(inUse).hasStatus(409);
        assertThat((Integer) Api.read(inUse, "$.activos")).isEqualTo(1);
        assertThat(admin.delete("/api/activos/" + asset)).hasStatus(204);
        assertThat(admin.delete("/api/categorias/" + id)).hasStatus(204);
        assertThat(admin.get("/api/categorias/" + id)).hasStatus(404);
        assertThat(jdbc.sql("SELECT string_agg(accion, ',' ORDER BY id) FROM auditoria WHERE entidad = 'categoria'"
                                + " AND entidad_id = ?")
                        .param(Long.toString(id))
                        .query(String.class)
                        .single())
                .isEqualTo("crear,eliminar");
    }

    @ParameterizedTest
    @EnumSource(
            value = Rol.class,
            names = {"LECTOR", "TECNICO"})
    void onlyAdminsWriteCategories(Rol rol) {
        Api api = new Api(mvc, users.create(rol));
        long id = Api.id(crear(Api.unique("R"), SCHEMA));
        assertThat(api.get("/api/categorias")).hasStatusOk();
        assertThat(api.get("/api/categorias/" + id)).hasStatusOk();
        assertThat(api.get("/api/categorias/" + id + "/no-conformes")).hasStatusOk();
        assertThat(api.post("/api/categorias", "{\"nombre\": \"" + Api.unique("N") + "\"}"))
                .hasStatus(403);
        assertThat(api.put("/api/categorias/" + id, "{\"nombre\": \"x\", \"version\": 0}"))
                .hasStatus(403);
        assertThat(api.delete("/api/categorias/" + id)).hasStatus(403);
        Api anonymous = Api.anonymous(mvc);
        assertThat(anonymous.get("/api/categorias")).hasStatus(401);
        assertThat(anonymous.post("/api/categorias", "{\"nombre\": \"x\"}")).hasStatus(401);
        assertThat(anonymous.delete("/api/categorias/" + id)).hasStatus(401);
    }
}
