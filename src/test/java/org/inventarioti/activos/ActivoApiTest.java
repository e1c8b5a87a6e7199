package org.inventarioti.activos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@InventarioTest
class ActivoApiTest {

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
        laptop = Activos.categoria(jdbc, "Laptop");
    }

    @Test
    void createGeneratesACodigoAndAnswersLocationAndETag() {
        String serie = Api.unique("SN");
        MvcTestResult created = Activos.crear(tecnico, laptop, serie);
        long id = Api.id(created);
        assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/activos/" + id);
        assertThat(created.getResponse().getHeader("ETag")).isEqualTo("\"0\"");
        String codigo = Api.read(created, "$.codigo");
        assertThat(codigo).matches("TI-\\d{6,}");
        assertThat((String) Api.read(created, "$.categoria")).isEqualTo("Laptop");
        assertThat((String) Api.read(created, "$.especificaciones.ram")).isEqualTo("16GB");
        assertThat((String) Api.read(created, "$.created_by")).startsWith("tecnico-");
        assertThat((String) Api.read(created, "$.estado")).isEqualTo("Activo");

        MvcTestResult byCodigo = tecnico.get("/api/activos/codigo/" + codigo);
        assertThat(byCodigo).hasStatusOk();
        assertThat(Api.id(byCodigo)).isEqualTo(id);
        assertThat(tecnico.get("/api/activos/" + id)).hasStatusOk().hasHeader("ETag", "\"0\"");
        assertThat(tecnico.get("/api/activos/codigo/TI-NOPE")).hasStatus(404);
        assertThat(tecnico.get("/api/activos/999999999")).hasStatus(404);
    }

    @Test
    void specKeysAreNormalisedToSnakeCase() {
        String body = Activos.laptop(laptop, Api.unique("SN"))
                .replace(
                        "\"disco\": \"512GB SSD\"",
                        "\"Service Tag\": \"ABC123\", \"sistemaOperativo\": \"Windows 11\"");
        MvcTestResult created = tecnico.post("/api/activos", body);
        assertThat(created).hasStatus(201);
        assertThat((Map<String, Object>) Api.read(created, "$.especificaciones"))
                .containsOnlyKeys("cpu", "ram", "service_tag", "sistema_operativo");
    }

    @Test
    void putReplacesWithTheVersionInTheBodyOrIfMatch() {
        MvcTestResult created = Activos.crear(tecnico, laptop, Api.unique("SN"));
        long id = Api.id(created);
        String replaced = Activos.laptop(laptop, Api.unique("SN2")).replace("\"Finanzas\"", "\"Compras\"");

        MvcTestResult viaBody = tecnico.put("/api/activos/" + id, replaced.replaceFirst("\\{", "{\"version\": 0,"));
        assertThat(viaBody).hasStatusOk().hasHeader("ETag", "\"1\"");
        assertThat((String) Api.read(viaBody, "$.area")).isEqualTo("Compras");

        MvcTestResult viaHeader = tecnico.put("/api/activos/" + id, replaced.replace("Compras", "Legal"), "\"1\"");
        assertThat(viaHeader).hasStatusOk();
        assertThat((Integer) Api.read(viaHeader, "$.version")).isEqualTo(2);
    }

    @Test
    void aClientMaySendBackWhatItRead() {
        MvcTestResult created = Activos.crear(tecnico, laptop, Api.unique("SN"));
        String read = Api.body(created).replace("\"Finanzas\"", "\"Soporte\"");
        MvcTestResult put = tecnico.put("/api/activos/" + Api.id(created), read);
        assertThat(put).hasStatusOk();
        assertThat((String) Api.read(put, "$.area")).isEqualTo("Soporte");
        assertThat((String) Api.read(put, "$.codigo")).isEqualTo(Api.read(created, "$.codigo"));
    }

    @Test
    void patchMergesFieldsAndEspecificaciones() {
        long id = Api.id(Activos.crear(tecnico, laptop, Api.unique("SN")));
        MvcTestResult patched = tecnico.patch(
                "/api/activos/" + id,
                "{\"ubicacion\": \"Piso 3\", \"marca\": null, \"especificaciones\": {\"RAM\": \"32GB\", \"disco\": null,"
                        + " \"Service Tag\": \"XYZ\"}}",
                "\"0\"");
        assertThat(patched).hasStatusOk();
        assertThat((String) Api.read(patched, "$.ubicacion")).isEqualTo("Piso 3");
        assertThat((Object) Api.read(patched, "$.marca")).isNull();
        assertThat((String) Api.read(patched, "$.nombre")).startsWith("Portátil de");
        assertThat((Map<String, Object>) Api.read(patched, "$.especificaciones"))
                .isEqualTo(Map.of("cpu", "Intel i7-1365U", "ram", "32GB", "service_tag", "XYZ"));
        assertThat((Integer) Api.read(patched, "$.version")).isEqualTo(1);

        assertThat(tecnico.patch("/api/activos/" + id, "{\"version\": 1, \"area\": \"TI\"}"))
                .hasStatusOk();
    }

    @Test
    void aStaleVersionIsAConflictCarryingTheCurrentState() {
        long id = Api.id(Activos.crear(tecnico, laptop, Api.unique("SN")));
        assertThat(tecnico.patch("/api/activos/" + id, "{\"area\": \"A\"}", "\"0\""))
                .hasStatusOk();

        MvcTestResult stale = tecnico.patch("/api/activos/" + id, "{\"area\": \"B\"}", "\"0\"");
        assertThat(stale).hasStatus(409).hasHeader("ETag", "\"1\"");
        assertThat((String) Api.read(stale, "$.actual.area")).isEqualTo("A");
        assertThat((Integer) Api.read(stale, "$.actual.version")).isEqualTo(1);

        String body = Activos.laptop(laptop, Api.unique("SN")).replaceFirst("\\{", "{\"version\": 0,");
        assertThat(tecnico.put("/api/activos/" + id, body)).hasStatus(409);
        assertThat(jdbc.sql("SELECT area FROM activos WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("A");
    }

    @Test
    void aChangeWithoutAVersionIsRefused() {
        long id = Api.id(Activos.crear(tecnico, laptop, Api.unique("SN")));
        MvcTestResult missing = tecnico.patch("/api/activos/" + id, "{\"area\": \"B\"}");
        assertThat(missing).hasStatus(428);
        assertThat((String) Api.read(missing, "$.errors[0].field")).isEqualTo("version");
        assertThat(tecnico.put("/api/activos/" + id, Activos.laptop(laptop, Api.unique("SN"))))
                .hasStatus(428);
        assertThat(tecnico.patch("/api/activos/" + id, "{\"area\": \"B\"}", "W/\"0\""))
                .hasStatus(400);
        assertThat(tecnico.patch("/api/activos/" + id, "{\"area\": \"B\", \"version\": 3}", "\"0\""))
                .hasStatus(400);
        assertThat(tecnico.patch("/api/activos/" + id, "{\"area\": \"B\", \"version\": \"0\"}"))
                .hasStatus(400);
    }

    @Test
    void adminDeletesAndTheHistoryRemains() {
        long id = Api.id(Activos.crear(tecnico, laptop, Api.unique("SN")));
        assertThat(admin.delete("/api/activos/" + id)).hasStatus(204);
        assertThat(admin.get("/api/activos/" + id)).hasStatus(404);
        assertThat(admin.delete("/api/activos/" + id)).hasStatus(404);
        MvcTestResult history = admin.get("/api/activos/" + id + "/historial");
        assertThat(history).hasStatusOk();
        assertThat((List<String>) Api.read(history, "$.items[*].accion")).containsExactly("eliminar", "crear");
    }

    @Test
    void deleteWithAStaleIfMatchIsAConflict() {
        long id = Api.id(Activos.crear(tecnico, laptop, Api.unique("SN")));
        assertThat(tecnico.patch("/api/activos/" + id, "{\"area\": \"A\"}", "\"0\""))
                .hasStatusOk();
        var request = mvc.delete().uri("/api/activos/" + id).header("If-Match", "\"0\"");
        assertThat(admin.send(request)).hasStatus(409);
        assertThat(admin.send(mvc.delete().uri("/api/activos/" + id).header("If-Match", "\"1\"")))
                .hasStatus(204);
    }

    @Test
    void historyListsChangesNewestFirstWithOnlyTheChangedFields() {
        long id = Api.id(Activos.crear(tecnico, laptop, Api.unique("SN")));
        tecnico.patch("/api/activos/" + id, "{\"area\": \"Legal\"}", "\"0\"");
        MvcTestResult history = tecnico.get("/api/activos/" + id + "/historial");
        assertThat(history).hasStatusOk();
        assertThat((Integer) Api.read(history, "$.total")).isEqualTo(2);
        assertThat((String) Api.read(history, "$.items[0].accion")).isEqualTo("actualizar");
        assertThat((Map<String, Object>) Api.read(history, "$.items[0].despues"))
                .containsOnlyKeys("area", "version", "updated_at");
        assertThat((String) Api.read(history, "$.items[0].antes.area")).isEqualTo("Finanzas");
        assertThat(Api.body(history)).doesNotContain("direccion_cliente").doesNotContain("request_id");
        assertThat(tecnico.get("/api/activos/987654321/historial")).hasStatus(404);
    }

    @Test
    void cachedTotalsFollowEveryWriteAppOrNot() {
        String area = Api.unique("Totales");
        String list = "/api/activos?size=1&area=" + area;
        for (int i = 0; i < 2; i++) {
            tecnico.post(
                    "/api/activos", Activos.laptop(laptop, Api.unique("CNT")).replace("Finanzas", area));
        }
        assertThat((Integer) Api.read(tecnico.get(list), "$.total")).isEqualTo(2);
        assertThat((Integer) Api.read(tecnico.get(list), "$.total")).isEqualTo(2);
        long third = Api.id(tecnico.post(
                "/api/activos", Activos.laptop(laptop, Api.unique("CNT")).replace("Finanzas", area)));
        assertThat((Integer) Api.read(tecnico.get(list), "$.total")).isEqualTo(3);
        jdbc.sql("UPDATE activos SET area = 'otra' WHERE id = ?").param(third).update();
        assertThat((Integer) Api.read(tecnico.get(list), "$.total"))
                .as("a write outside the API")
                .isEqualTo(2);
        admin.delete("/api/activos/" + Api.read(tecnico.get(list), "$.items[0].id"));
        assertThat((Integer) Api.read(tecnico.get(list), "$.total")).isEqualTo(1);
    }
}
