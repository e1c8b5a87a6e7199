package org.inventarioti.ops.smoke;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/** {@code smoke --write}: create → read → update → delete one marked asset; cleanup runs whatever failed. */
final class WriteRoundTrip {

    private final Api api;
    private final BiConsumer<String, Supplier<String>> check;
    private final String mark = SmokeService.uniqueMark();
    private String id;
    private long version;
    private boolean deleted;

    WriteRoundTrip(Api api, BiConsumer<String, Supplier<String>> check) {
        this.api = api;
        this.check = check;
    }

    void run() {
        if (!api.authenticated()) {
            check.accept("write.create", () -> {
                throw new SmokeFailure("--write needs credentials (an ADMIN account)");
            });
            return;
        }
        try {
            check.accept("write.create", this::create);
            if (id == null) {
                return;
            }
            check.accept("write.read", this::read);
            check.accept("write.update", this::update);
            check.accept("write.delete", this::delete);
        } finally {
            if (id != null && !deleted) {
                check.accept("write.cleanup", this::delete);
            }
        }
    }

    private String create() {
        JsonNode categorias = Api.expect(api.get("/api/categorias"), "GET /api/categorias", 200)
                .json();
        JsonNode items = categorias.isArray() ? categorias : categorias.path("items");
        JsonNode categoria = null;
        for (JsonNode candidate : items.values()) {
            if (categoria == null
                    || SpecificationSample.requiredCount(candidate.path("esquema"))
                            < SpecificationSample.requiredCount(categoria.path("esquema"))) {
                categoria = candidate;
            }
        }
        if (categoria == null) {
            throw new SmokeFailure("no category to create a test asset in");
        }
        Map<String, Object> activo = new LinkedHashMap<>();
        activo.put("categoria_id", categoria.path("id").asLong());
        activo.put("nombre", SmokeService.MARK + " " + mark);
        activo.put("numero_serie", "SMOKE-" + mark);
        activo.put("notas", "Created by inventario smoke --write; deleted by the same run.");
        activo.put("especificaciones", SpecificationSample.forSchema(categoria.path("esquema")));
        JsonNode created = Api.expect(api.send("POST", "/api/activos", activo), "POST /api/activos", 201, 200)
                .json();
        id = created.path("id").asString(null);
        if (id == null) {
            throw new SmokeFailure("created asset has no id");
        }
        version = created.path("version").asLong();
        return "asset " + created.path("codigo").asString(id) + " in "
                + categoria.path("nombre").asString();
    }

    private String read() {
        JsonNode activo = Api.expect(api.get("/api/activos/" + id), "GET /api/activos/" + id, 200)
                .json();
        if (!activo.path("nombre").asString("").endsWith(mark)) {
            throw new SmokeFailure("read back another asset: " + activo.path("nombre"));
        }
        version = activo.path("version").asLong(version);
        return "read back";
    }

    private String update() {
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("notas", "Updated by inventario smoke --write.");
        patch.put("version", version);
        JsonNode updated = Api.expect(api.send("PATCH", "/api/activos/" + id, patch), "PATCH /api/activos/" + id, 200)
                .json();
        if (!"Updated by inventario smoke --write.".equals(updated.path("notas").asString())) {
            throw new SmokeFailure("update not applied: notas is " + updated.path("notas"));
        }
        return "version " + version + " -> " + updated.path("version").asString();
    }

    private String delete() {
        Api.Response response = api.send("DELETE", "/api/activos/" + id, null);
        if (response.status() == 403) {
            throw new SmokeFailure(
                    "DELETE refused (403): --write needs an ADMIN account; remove asset " + id + " by hand");
        }
        Api.expect(response, "DELETE /api/activos/" + id, 204, 200);
        deleted = true;
        Api.expect(api.get("/api/activos/" + id), "GET after DELETE", 404);
        return "deleted, and gone";
    }
}
