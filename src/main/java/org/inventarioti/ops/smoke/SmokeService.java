package org.inventarioti.ops.smoke;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * {@code inventario smoke}: the checks an operator runs after a deploy or a restore, each with a
 * time limit, each reported by name. {@code --write} adds a create → read → update → delete round
 * trip on an asset marked as a smoke test, which is always deleted again.
 */
public final class SmokeService {

    static final String MARK = "SMOKE TEST (inventario smoke, safe to delete)";

    private final SmokeOptions options;
    private final Api api;
    private final SmokeReport report;

    private SmokeService(SmokeOptions options) {
        this.options = options;
        this.api = new Api(options.url(), options.timeout());
        this.report = new SmokeReport(options.url().toString());
    }

    public static SmokeReport run(SmokeOptions options) {
        SmokeService smoke = new SmokeService(options);
        smoke.runAll();
        return smoke.report;
    }

    private void runAll() {
        check("healthz", this::healthz);
        check("readiness", this::readiness);
        check("login", this::login);
        check("activos.list", this::listActivos);
        check("activos.read", this::readActivo);
        check("categorias.list", this::categorias);
        check("reportes", this::reportes);
        if (options.write()) {
            new WriteRoundTrip(api, this::check).run();
        }
    }

    void check(String name, Supplier<String> body) {
        long started = System.nanoTime();
        SmokeReport.Status status;
        String detail;
        try {
            detail = body.get();
            status = SmokeReport.Status.OK;
        } catch (SmokeSkipped e) {
            status = SmokeReport.Status.SKIPPED;
            detail = e.getMessage();
        } catch (SmokeFailure e) {
            status = SmokeReport.Status.FAILED;
            detail = e.getMessage();
        } catch (RuntimeException e) {
            status = SmokeReport.Status.FAILED;
            detail = "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        report.add(new SmokeReport.Check(name, status, (System.nanoTime() - started) / 1_000_000, detail));
    }

    private String healthz() {
        JsonNode body = Api.expect(api.get("/healthz"), "GET /healthz", 200).json();
        if (!"ok".equals(body.path("status").asString())) {
            throw new SmokeFailure("status is " + body.path("status"));
        }
        return "version " + body.path("version").asString() + ", env "
                + body.path("env").asString();
    }

    private String readiness() {
        JsonNode body = Api.expect(api.get("/actuator/health/readiness"), "readiness", 200)
                .json();
        String status = body.path("status").asString();
        // MAINTENANCE (still 200): writes are paused but the instance serves reads, as during a maintenance run.
        if (!"UP".equals(status) && !"MAINTENANCE".equals(status)) {
            throw new SmokeFailure("readiness is " + body.path("status"));
        }
        return status;
    }

    private String login() {
        if (options.token() != null) {
            api.token(options.token());
            return "using the given token";
        }
        if (!options.hasCredentials()) {
            throw new SmokeSkipped("no credentials given (--token, or --user with --password-env)");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", options.email());
        body.put("password", options.password());
        JsonNode answer = Api.expect(api.send("POST", "/api/auth/login", body), "POST /api/auth/login", 200)
                .json();
        String token = answer.path("token").asString("");
        if (token.isEmpty()) {
            throw new SmokeFailure("login answered without a token");
        }
        api.token(token);
        return "logged in as " + options.email();
    }

    private JsonNode firstActivo;

    private String listActivos() {
        requireAuthentication();
        JsonNode page = Api.expect(api.get("/api/activos?size=1"), "GET /api/activos", 200)
                .json();
        JsonNode items = page.path("items");
        if (!items.isArray() || !page.path("total").isNumber()) {
            throw new SmokeFailure("list answer lacks items[] and total: " + Api.abbreviate(page.toString()));
        }
        firstActivo = items.size() > 0 ? items.get(0) : null;
        return page.path("total").asLong() + " assets";
    }

    private String readActivo() {
        requireAuthentication();
        if (firstActivo == null) {
            throw new SmokeSkipped("no asset to read");
        }
        String id = firstActivo.path("id").asString();
        JsonNode activo = Api.expect(api.get("/api/activos/" + id), "GET /api/activos/" + id, 200)
                .json();
        if (!id.equals(activo.path("id").asString())) {
            throw new SmokeFailure("asked for asset " + id + ", got " + activo.path("id"));
        }
        return "asset " + activo.path("codigo").asString(id);
    }

    private String categorias() {
        requireAuthentication();
        JsonNode list = Api.expect(api.get("/api/categorias"), "GET /api/categorias", 200)
                .json();
        JsonNode items = list.isArray() ? list : list.path("items");
        if (!items.isArray()) {
            throw new SmokeFailure("categories answer is not a list: " + Api.abbreviate(list.toString()));
        }
        return items.size() + " categories";
    }

    /** The reports' summary: {@code /api/reportes} itself is no endpoint (404). */
    static final String REPORTS = "/api/reportes/resumen";

    private String reportes() {
        requireAuthentication();
        Api.Response response = api.get(REPORTS);
        if (response.status() == 404) {
            throw new SmokeSkipped("this server has no " + REPORTS);
        }
        Api.expect(response, "GET " + REPORTS, 200).json();
        return "answered";
    }

    private void requireAuthentication() {
        if (!api.authenticated()) {
            throw new SmokeSkipped("not logged in");
        }
    }

    static String uniqueMark() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
