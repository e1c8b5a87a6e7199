package org.inventarioti.activos;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inventarioti.InventarioApplication;
import org.inventarioti.support.EstadoV2;
import org.inventarioti.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The release serves both sides of the contract V3: started on a V2.1 database holding data (the
 * original's production state, V3 pending) and on the same data after V3, it lists, filters,
 * reads, creates and changes assets through the API with the same answers; on V2.1 V3 stays
 * pending and the legacy text column follows every write.
 */
class AmbosLadosDeV3Test {

    private static final String ADMIN = "admin-ambos@inventario.test";
    private static final String PASSWORD = "Ambos-lados-V3-clave!";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Respuestas(Map<String, Object> legado, List<String> filtradas, Object creada, Object cambiada) {}

    @Test
    void aV21DatabaseWithDataAndTheSameDataAfterV3AnswerTheSame(@TempDir Path dir) throws Exception {
        TestDatabase server = TestDatabase.get();
        try (var v21 = server.scratch();
                var v3 = server.scratch();
                Connection antes = v21.connect();
                Connection despues = v3.connect()) {
            EstadoV2.crear(antes, v21.jdbcUrl(), "2.1", 3);
            EstadoV2.crear(despues, v3.jdbcUrl(), "2.1", 3);
            EstadoV2.flyway(v3.jdbcUrl(), "latest").migrate();

            Respuestas expandida = ejercitar(v21, dir.resolve("v21"));
            Respuestas contraida = ejercitar(v3, dir.resolve("v3"));

            assertThat(expandida).isEqualTo(contraida);
            assertThat(expandida.legado()).hasSize(EstadoV2.invalidos() + 5);
            assertThat(expandida.filtradas()).hasSize(3);
            try (var statement = antes.createStatement();
                    var rs = statement.executeQuery("""
                            SELECT (SELECT count(*) FROM flyway_schema_history WHERE version = '3'),
                                   (SELECT data_type FROM information_schema.columns WHERE table_schema = 'public'
                                      AND table_name = 'activos' AND column_name = 'especificaciones'),
                                   (SELECT count(*) FROM activos WHERE numero_serie = 'SN-AMBOS'
                                      AND especificaciones::jsonb = especificaciones_json
                                      AND especificaciones_json ->> 'ram' = '32GB')""")) {
                rs.next();
                assertThat(rs.getLong(1)).as("V3 still pending").isZero();
                assertThat(rs.getString(2)).isEqualTo("text");
                assertThat(rs.getLong(3))
                        .as("the legacy text follows the write")
                        .isEqualTo(1);
            }
        }
    }

    private static Respuestas ejercitar(TestDatabase.Scratch db, Path dir) throws Exception {
        TestDatabase server = TestDatabase.get();
        try (var app = new SpringApplicationBuilder(InventarioApplication.class)
                .run(
                        "--spring.datasource.url=" + db.jdbcUrl(),
                        "--spring.datasource.username=" + server.user(),
                        "--spring.datasource.password=" + server.password(),
                        "--inventario.data-dir=" + dir,
                        "--inventario.admin.email=" + ADMIN,
                        "--inventario.admin.password=" + PASSWORD,
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--logging.level.root=warn")) {
            String base = "http://127.0.0.1:"
                    + ((WebServerApplicationContext) app).getWebServer().getPort();
            String token = JsonPath.read(
                    send(base, "POST", "/api/auth/login", null, """
                            {"email": "%s", "password": "%s"}""".formatted(ADMIN, PASSWORD), 200), "$.token");

            String lista = send(base, "GET", "/api/activos?size=100&sort=codigo", token, null, 200);
            Map<String, Object> legado = new LinkedHashMap<>();
            List<Map<String, Object>> items = JsonPath.read(lista, "$.items");
            for (Map<String, Object> item : items) {
                legado.put((String) item.get("codigo"), item.get("especificaciones"));
            }
            List<String> filtradas = JsonPath.read(
                    send(base, "GET", "/api/activos?spec.ram=16GB&sort=codigo", token, null, 200), "$.items[*].codigo");

            String created =
                    send(base, "POST", "/api/activos", token, Activos.laptop(categoria(base, token), "SN-AMBOS"), 201);
            Number id = JsonPath.read(created, "$.id");
            String changed = send(base, "PATCH", "/api/activos/" + id, token, """
                    {"version": 0, "especificaciones": {"cpu": "Intel i9", "ram": "32GB"}}""", 200);
            String read = send(base, "GET", "/api/activos/" + id, token, null, 200);
            assertThat((Object) JsonPath.read(read, "$.especificaciones"))
                    .isEqualTo(JsonPath.read(changed, "$.especificaciones"));
            return new Respuestas(
                    legado,
                    filtradas,
                    JsonPath.read(created, "$.especificaciones"),
                    JsonPath.read(read, "$.especificaciones"));
        }
    }

    private static long categoria(String base, String token) throws Exception {
        List<Number> ids = JsonPath.read(
                send(base, "GET", "/api/categorias", token, null, 200), "$..[?(@.nombre == 'Laptop')].id");
        return ids.get(0).longValue();
    }

    private static String send(String base, String method, String path, String token, String body, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isEqualTo(expected);
        return response.body();
    }
}
