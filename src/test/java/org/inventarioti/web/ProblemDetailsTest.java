package org.inventarioti.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Requests;
import org.inventarioti.support.Sesiones;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Whole problem bodies, byte for byte, as the services' domain exceptions come out of the one
 * mapping in {@code web/}: what clients and scripts parse must not drift.
 */
@InventarioTest
class ProblemDetailsTest {

    static final String RID = "problem-details-test";
    static final String TAIL = ",\"request_id\":\"" + RID + "\"}";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    TestUsers.TestUser admin;
    long laptop;

    @BeforeEach
    void setUp() {
        admin = users.create(Rol.ADMIN);
        laptop = jdbc.sql("SELECT id FROM categorias WHERE nombre = 'Laptop'")
                .query(Long.class)
                .single();
    }

    private MvcTestResult send(MockMvcRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .header(RequestIdFilter.HEADER, RID)
                .exchange();
    }

    private MvcTestResult post(String uri, String json) {
        return send(mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private MvcTestResult patch(String uri, String ifMatch, String json) {
        return send(mvc.patch()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.IF_MATCH, ifMatch)
                .content(json));
    }

    private String asset(String serie, String specs) {
        return """
                {"categoria_id": %d, "nombre": "Portátil", "numero_serie": "%s", "especificaciones": %s}""".formatted(laptop, serie, specs);
    }

    private static String problem(String detail, String instance, int status, String title, String extra) {
        String slug = title.toLowerCase().replace(' ', '-');
        return "{\"detail\":\"" + detail + "\",\"instance\":\"" + instance + "\",\"status\":" + status
                + ",\"title\":\"" + title + "\",\"type\":\"https://inventario-ti.org/problemas/" + slug + "\""
                + extra + TAIL;
    }

    private static void assertProblem(MvcTestResult result, int status, String body) {
        assertThat(result).hasStatus(status);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(Api.body(result)).isEqualTo(body);
    }

    @Test
    void notFoundInvalidAndMalformed() {
        assertProblem(
                send(mvc.get().uri("/api/activos/987654321")),
                404,
                problem("Activo 987654321 does not exist", "/api/activos/987654321", 404, "Not found", ""));
        assertProblem(
                post("/api/activos", asset(" ", "{\"ram\": \"8GB\", \"clave_bitlocker\": \"x\"}")),
                422,
                problem(
                        "numero_serie: no debe estar vacío; especificaciones.clave_bitlocker: names a secret (recovery"
                                + " key, password, secret, token or private key); keep it in a secret manager, not in"
                                + " the inventory",
                        "/api/activos",
                        422,
                        "Validation failed",
                        ",\"errors\":[{\"field\":\"numero_serie\",\"message\":\"no debe estar vacío\",\"code\":\"NotBlank\"},"
                                + "{\"field\":\"especificaciones.clave_bitlocker\",\"message\":\"names a secret"
                                + " (recovery key, password, secret, token or private key); keep it in a secret"
                                + " manager, not in the inventory\"}]"));
        assertProblem(
                post("/api/activos", asset(Api.unique("SN"), "{\"cpu\": 7}")),
                422,
                problem(
                        "especificaciones.cpu: integer found, string expected; especificaciones.ram: required",
                        "/api/activos",
                        422,
                        "Validation failed",
                        ",\"errors\":[{\"field\":\"especificaciones.cpu\",\"message\":\"integer found, string"
                                + " expected\",\"code\":\"type\",\"args\":[\"integer\",\"string\"]},"
                                + "{\"field\":\"especificaciones.ram\",\"message\":\"required\",\"code\":\"required\"}]"));
        assertProblem(
                send(mvc.get().uri("/api/activos?color=rojo")),
                400,
                problem(
                        "Unknown query parameter 'color'; known: [after, area, bitlocker, categoria_id, estado,"
                                + " fecha_compra_desde, fecha_compra_hasta, garantia_vence_antes, garantia_vence_desde,"
                                + " page, proveedor, q, responsable, size, sort, spec.<key>]",
                        "/api/activos",
                        400,
                        "Bad request",
                        ",\"parameter\":\"color\""));
        assertProblem(
                send(mvc.get().uri("/api/activos?sort=color")),
                400,
                problem(
                        "Query parameter 'sort' names an unknown column 'color'; sortable: [area, bitlocker,"
                                + " categoria_id, codigo, created_at, estado, fecha_compra, garantia_hasta, id, marca,"
                                + " modelo, nombre, numero_serie, precio, proveedor, responsable, ubicacion, updated_at]",
                        "/api/activos",
                        400,
                        "Bad request",
                        ",\"parameter\":\"sort\",\"sortable\":[\"area\",\"bitlocker\",\"categoria_id\","
                                + "\"codigo\",\"created_at\",\"estado\",\"fecha_compra\",\"garantia_hasta\",\"id\",\"marca\",\"modelo\",\"nombre\",\"numero_serie\","
                                + "\"precio\",\"proveedor\",\"responsable\",\"ubicacion\",\"updated_at\"]"));
        assertProblem(
                send(mvc.get().uri("/api/reportes/estado?fecha_compra_desde=ayer")),
                400,
                problem(
                        "Query parameter 'fecha_compra_desde' is malformed",
                        "/api/reportes/estado",
                        400,
                        "Bad request",
                        ",\"parameter\":\"fecha_compra_desde\""));
        assertProblem(
                send(mvc.get().uri("/api/reportes/color")),
                404,
                problem("Reporte color does not exist", "/api/reportes/color", 404, "Not found", ""));
    }

    @Test
    void versionsAndConflicts() {
        String serie = Api.unique("SN");
        MvcTestResult created = post("/api/activos", asset(serie, "{\"cpu\": \"i5\", \"ram\": \"8GB\"}"));
        long id = Api.id(created);
        String uri = "/api/activos/" + id;
        assertProblem(
                post("/api/activos", asset(" " + serie.toLowerCase(), "{\"cpu\": \"i5\", \"ram\": \"8GB\"}")),
                409,
                problem(
                        "An asset with this serial number already exists (case and surrounding spaces ignored)",
                        "/api/activos",
                        409,
                        "Conflict",
                        ",\"errors\":[{\"field\":\"numero_serie\",\"message\":\"An asset with this serial number"
                                + " already exists (case and surrounding spaces ignored)\"}]"));
        assertProblem(
                send(mvc.put()
                        .uri(uri)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(asset(serie, "{\"cpu\": \"i5\", \"ram\": \"8GB\"}"))),
                428,
                problem(
                        "Send the version you read: the body field version or the header If-Match with the ETag",
                        uri,
                        428,
                        "Version required",
                        ",\"errors\":[{\"field\":\"version\",\"message\":\"required\"}]"));
        MvcTestResult stale = patch(uri, "\"7\"", "{\"nombre\": \"Otro\"}");
        assertProblem(
                stale,
                409,
                problem(
                        "Activo " + id + " was changed by someone else (you sent version 7, it is at 0); review the"
                                + " current state in 'actual' and retry",
                        uri,
                        409,
                        "Conflict",
                        ",\"actual\":" + Api.body(created)));
        assertThat(stale.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo("\"0\"");
        assertProblem(
                patch(uri, "W/\"x\"", "{\"nombre\": \"Otro\"}"),
                400,
                problem("If-Match must be the ETag of the resource, e.g. \\\"3\\\"", uri, 400, "Bad request", ""));
        assertProblem(
                patch(uri, "\"0\"", "{\"nombre\": \"Otro\", \"version\": 1}"),
                400,
                problem("The version in the body (1) and If-Match (\\\"0\\\") disagree", uri, 400, "Bad request", ""));
        assertProblem(
                patch(uri, "\"0\"", "{\"precio\": \"caro\"}"),
                400,
                problem("Field 'precio' has the wrong type or format", uri, 400, "Bad request", ""));
        MvcTestResult mantenimiento = post(
                "/api/mantenimientos",
                "{\"activo_id\": " + id + ", \"tipo\": \"preventivo\", \"titulo\": \"Limpieza\"}");
        String m = "/api/mantenimientos/" + Api.id(mantenimiento);
        // one wording for the same failure of both patches (maintenance used to quote Jackson)
        assertProblem(
                patch(m, "\"0\"", "{\"costo\": \"caro\"}"),
                400,
                problem("Field 'costo' has the wrong type or format", m, 400, "Bad request", ""));
        assertProblem(
                patch(m, "\"0\"", "{\"color\": \"rojo\"}"),
                400,
                problem("Unknown field 'color'", m, 400, "Bad request", ""));
        assertProblem(
                send(mvc.delete().uri("/api/categorias/" + laptop)),
                409,
                problem(
                        "Categoria " + laptop + " is used by " + count(laptop)
                                + " assets; move them to another category first",
                        "/api/categorias/" + laptop,
                        409,
                        "Conflict",
                        ",\"activos\":" + count(laptop)));
    }

    private long count(long categoria) {
        return jdbc.sql("SELECT count(*) FROM activos WHERE categoria_id = ?")
                .param(categoria)
                .query(Long.class)
                .single();
    }

    @Test
    void usersAndLogin() {
        TestUsers.TestUser user = users.create(Rol.LECTOR);
        assertProblem(
                post(
                        "/api/usuarios",
                        "{\"nombre\":\"X\",\"email\":\"" + user.email()
                                + "\",\"rol\":\"LECTOR\",\"password\":\"correct-horse-battery\"}"),
                409,
                problem(
                        "A user with this email already exists",
                        "/api/usuarios",
                        409,
                        "Conflict",
                        ",\"errors\":[{\"field\":\"email\",\"message\":\"A user with this email already exists\"}]"));
        assertProblem(
                post(
                        "/api/usuarios",
                        "{\"nombre\":\"X\",\"email\":\"" + Api.unique("nuevo")
                                + "@test.local\",\"rol\":\"LECTOR\",\"password\":\"short\"}"),
                422,
                problem(
                        "password: must have at least 10 characters",
                        "/api/usuarios",
                        422,
                        "Validation failed",
                        ",\"errors\":[{\"field\":\"password\",\"message\":\"must have at least 10 characters\"}]"));
        assertProblem(
                login("nobody@test.local", "whatever-pass"),
                401,
                problem("Email or password is wrong", "/api/auth/login", 401, "Invalid credentials", ""));
        for (int i = 0; i < 5; i++) {
            login(user.email(), "wrong-pass-" + i);
        }
        MvcTestResult locked = login(user.email(), user.password());
        String seconds = locked.getResponse().getHeader(HttpHeaders.RETRY_AFTER);
        assertThat(Long.parseLong(seconds)).isBetween(800L, 900L);
        assertProblem(
                locked,
                423,
                problem(
                        "Too many failed logins; the account is locked for a while",
                        "/api/auth/login",
                        423,
                        "Account locked",
                        ",\"retry_after_seconds\":" + seconds));
    }

    private MvcTestResult login(String email, String password) {
        return mvc.post()
                .uri("/api/auth/login")
                .with(Requests.fromNewAddress())
                .header(RequestIdFilter.HEADER, RID)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .exchange();
    }

    /** Outside the API the same exceptions become the status (and message) of the error page. */
    @Test
    void pagesGetTheStatusAndTheDetail() {
        var sesion = Sesiones.de(admin);
        MvcTestResult missing = mvc.get()
                .uri("/activos/NO-EXISTE")
                .accept(MediaType.TEXT_HTML)
                .with(sesion)
                .exchange();
        assertThat(missing).hasStatus(404);
        assertThat(missing.getResponse().getErrorMessage()).isEqualTo("Activo NO-EXISTE does not exist");
        MvcTestResult formato = mvc.get()
                .uri("/etiquetas/pdf?formato=enorme&codigo=X")
                .with(sesion)
                .exchange();
        assertThat(formato).hasStatus(400);
        assertThat(formato.getResponse().getErrorMessage()).isEqualTo("Unknown label format: use a4 or pequena");
    }
}
