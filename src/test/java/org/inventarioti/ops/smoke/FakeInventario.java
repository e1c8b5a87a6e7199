package org.inventarioti.ops.smoke;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for the server's API contract (/api/activos, /api/categorias as the inventory issue
 * defines them), so the smoke client's checks and failure handling can be tested in isolation.
 */
final class FakeInventario implements AutoCloseable {

    static final String TOKEN = "fake-token-123";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final Map<Long, ObjectNode> activos = new ConcurrentHashMap<>();
    final Set<Long> deleted = ConcurrentHashMap.newKeySet();
    final Map<String, Integer> failures = new ConcurrentHashMap<>();
    volatile long delayMillis;
    volatile String delayedPath = "";
    private final AtomicLong ids = new AtomicLong(100);
    private final HttpServer server;

    FakeInventario() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        ObjectNode existing = JSON.createObjectNode()
                .put("id", 7)
                .put("codigo", "TI-000007")
                .put("nombre", "Laptop 7")
                .put("version", 0);
        activos.put(7L, existing);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        try {
            if (path.equals(delayedPath)) {
                Thread.sleep(delayMillis);
            }
            Integer failure = failures.get(method + " " + path.replaceAll("/\\d+$", "/{id}"));
            if (failure != null) {
                send(exchange, failure, "{\"title\":\"injected failure\"}");
                return;
            }
            route(exchange, method, path);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, String method, String path) throws IOException {
        boolean authorized =
                ("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (path.equals("/healthz")) {
            send(exchange, 200, "{\"status\":\"ok\",\"version\":\"fake\",\"env\":\"test\"}");
        } else if (path.equals("/actuator/health/readiness")) {
            send(exchange, 200, "{\"status\":\"UP\"}");
        } else if (path.equals("/api/auth/login") && method.equals("POST")) {
            JsonNode login = JSON.readTree(body);
            boolean ok = login.path("password").asString().equals("secret-pass");
            send(exchange, ok ? 200 : 401, ok ? "{\"token\":\"" + TOKEN + "\"}" : "{\"title\":\"Unauthorized\"}");
        } else if (!authorized) {
            send(exchange, 401, "{\"title\":\"Unauthorized\"}");
        } else if (path.equals("/api/activos") && method.equals("GET")) {
            var items = JSON.createArrayNode();
            activos.values().stream().limit(1).forEach(items::add);
            send(
                    exchange,
                    200,
                    JSON.createObjectNode()
                            .put("total", activos.size())
                            .set("items", items)
                            .toString());
        } else if (path.equals("/api/activos") && method.equals("POST")) {
            create(exchange, (ObjectNode) JSON.readTree(body));
        } else if (path.startsWith("/api/activos/")) {
            one(exchange, method, Long.parseLong(path.substring("/api/activos/".length())), body);
        } else if (path.equals("/api/categorias")) {
            send(
                    exchange,
                    200,
                    "[{\"id\":1,\"nombre\":\"Laptop\",\"esquema\":{\"type\":\"object\",\"required\":[\"cpu\",\"ram\"],"
                            + "\"properties\":{\"cpu\":{\"type\":\"string\"},\"ram\":{\"type\":\"integer\",\"minimum\":1}}}},"
                            + "{\"id\":2,\"nombre\":\"Switch\",\"esquema\":{\"type\":\"object\",\"required\":[\"numero_puertos\"],"
                            + "\"properties\":{\"numero_puertos\":{\"type\":\"integer\",\"minimum\":4}}}}]");
        } else {
            send(exchange, 404, "{\"title\":\"Not Found\"}");
        }
    }

    private void create(HttpExchange exchange, ObjectNode activo) throws IOException {
        if (activo.path("categoria_id").asLong() != 2
                || activo.path("especificaciones").path("numero_puertos").asInt() < 4) {
            send(exchange, 422, "{\"title\":\"especificaciones invalid\"}");
            return;
        }
        long id = ids.incrementAndGet();
        activo.put("id", id).put("codigo", "TI-" + id).put("version", 0);
        activos.put(id, activo);
        send(exchange, 201, activo.toString());
    }

    private void one(HttpExchange exchange, String method, long id, String body) throws IOException {
        ObjectNode activo = activos.get(id);
        if (activo == null) {
            send(exchange, 404, "{\"title\":\"Not Found\"}");
        } else if (method.equals("GET")) {
            send(exchange, 200, activo.toString());
        } else if (method.equals("PATCH")) {
            JsonNode patch = JSON.readTree(body);
            if (patch.path("version").asLong(-1) != activo.path("version").asLong()) {
                send(exchange, 409, activo.toString());
                return;
            }
            activo.put("notas", patch.path("notas").asString())
                    .put("version", activo.path("version").asLong() + 1);
            send(exchange, 200, activo.toString());
        } else if (method.equals("DELETE")) {
            activos.remove(id);
            deleted.add(id);
            exchange.sendResponseHeaders(204, -1);
        } else {
            send(exchange, 405, "{}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
