package org.inventarioti.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Sesiones;
import org.inventarioti.support.TestUsers;
import org.inventarioti.support.TestUsers.TestUser;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The hostile-input fuzz suite (issue 12): for every endpoint of the OpenAPI document the app serves
 * and every page of the web routes, generated hostile values in every parameter and field, one class
 * of hostility per run of the parameterised test. Asserts no 5xx, a status the status table of
 * docs/api.md allows for that class, and no planted secret in any response body, table row or log
 * line. Seeded: the build uses one fixed seed, so CI is reproducible; {@code -Dfuzz.seed=N} runs
 * another set of cases and {@code -Dfuzz.seed=random} a new one each run (the seed is printed, to
 * replay a failure); {@code -Dfuzz.casos=N} sets the cases per class.
 */
@InventarioTest
@ExtendWith(OutputCaptureExtension.class)
class EntradaHostilFuzzTest {

    static final long SEED_DEL_BUILD = 20261201L;
    static final long SEED = seed(System.getProperty("fuzz.seed"));

    static long seed(String given) {
        if (given == null || given.isBlank()) {
            return SEED_DEL_BUILD;
        }
        return given.equals("random") ? System.nanoTime() : Long.parseLong(given);
    }

    static final int CASOS = Integer.getInteger("fuzz.casos", 100);

    /** Login and own-password endpoints are left to their own tests: a case would lock the fuzzer out. */
    static final Pattern EXCLUIDAS = Pattern.compile(".*(/logout|/password|/login|/error|/v3/api-docs|/swagger).*");

    /** A hostility class and the statuses the docs' table allows for it (besides role and resource ones). */
    enum Clase {
        CONTROL_EN_NOMBRE(Set.of(400)),
        CONTROL_EN_VALOR(Set.of(400)),
        SURROGATE(Set.of(400)),
        TEXTO_ENORME(Set.of(200, 201, 202, 204, 302, 303, 400, 413, 422)),
        ANIDAMIENTO(Set.of(400, 413, 422)),
        NUMERO(Set.of(400, 422)),
        FECHA(Set.of(400, 422)),
        CLAVE_SECRETA(Set.of(400, 422)),
        VALOR_SECRETO(Set.of(400, 422)),
        CURSOR(Set.of(400)),
        COOKIE(Set.of());

        final Set<Integer> permitidos;

        Clase(Set<Integer> permitidos) {
            this.permitidos = permitidos;
        }
    }

    enum Donde {
        PATH,
        QUERY,
        BODY,
        FORM
    }

    record Campo(String nombre, Donde donde, String tipo) {}

    record Ruta(String metodo, String plantilla, boolean api, List<Campo> campos, boolean json) {}

    /** A JSON fragment written as is. */
    record Crudo(String json) {}

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    Map<Rol, TestUser> roles = new LinkedHashMap<>();
    Map<String, String> ids = new LinkedHashMap<>();
    final List<String> plantados = new ArrayList<>();
    /** Routes whose body is multipart (an upload): sent without one, their refusal is the documented 415. */
    final Set<String> multipartes = new HashSet<>();
    /** Found by this suite, not fixed yet: these page forms show a refused secret again in the form. */
    /** Pages whose query names a record (the asset a new maintenance is for): an unknown one is 404, as in a path. */
    static final Set<String> REFERENCIA_EN_CONSULTA = Set.of("GET /mantenimientos/nuevo");

    @BeforeEach
    void setUp() {
        for (Rol rol : Rol.values()) {
            roles.put(rol, users.create(rol));
        }
        Api admin = new Api(mvc, roles.get(Rol.ADMIN));
        long laptop = jdbc.sql("SELECT id FROM categorias WHERE nombre = 'Laptop'")
                .query(Long.class)
                .single();
        MvcTestResult activo = admin.post(
                "/api/activos",
                "{\"categoria_id\": " + laptop + ", \"nombre\": \"Fuzz\", \"numero_serie\": \"" + Api.unique("FZ")
                        + "\", \"especificaciones\": {\"cpu\": \"i7\", \"ram\": \"16GB\"}}");
        assertThat(activo).hasStatus(201);
        ids.put("activo", String.valueOf(Api.id(activo)));
        ids.put("codigo", Api.read(activo, "$.codigo"));
        ids.put("categoria", String.valueOf(laptop));
        MvcTestResult categoria = admin.post(
                "/api/categorias", "{\"nombre\": \"" + Api.unique("Fuzz") + "\", \"descripcion\": \"fuzz\"}");
        assertThat(categoria).hasStatus(201);
        ids.put("categoriaPropia", String.valueOf(Api.id(categoria)));
        ids.put("usuario", String.valueOf(users.create(Rol.LECTOR).id()));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Clase.class)
    void noHostileValueMakesA5xxAnUndocumentedStatusOrAStoredSecret(Clase clase, CapturedOutput output) {
        long seed = SEED ^ clase.ordinal();
        System.out.println("fuzz " + clase + " seed " + SEED + " (replay with -Dfuzz.seed=" + SEED + ")");
        Random rnd = new Random(seed);
        List<Ruta> rutas = rutas();
        assertThat(rutas.size()).as("routes found").isGreaterThan(60);
        List<String> fallos = new ArrayList<>();
        int casos = 0;
        for (int i = 0; i < CASOS * 40 && casos < CASOS; i++) {
            Ruta ruta = rutas.get(i % rutas.size());
            Rol rol = i % 5 == 3 ? Rol.LECTOR : i % 5 == 4 ? Rol.TECNICO : Rol.ADMIN;
            String caso = caso(clase, ruta, rol, rnd, fallos);
            if (caso != null) {
                casos++;
            }
        }
        System.out.println("fuzz " + clase + ": " + casos + " cases over " + rutas.size() + " routes");
        assertThat(casos).isEqualTo(CASOS);
        for (String secreto : plantados) {
            if (output.getAll().contains(secreto)) {
                fallos.add("planted secret in the log: " + secreto);
            }
            for (String tabla : List.of("activos", "mantenimientos", "categorias", "usuarios", "auditoria")) {
                long filas = jdbc.sql("SELECT count(*) FROM " + tabla + " t WHERE strpos(t::text, ?) > 0")
                        .param(secreto)
                        .query(Long.class)
                        .single();
                if (filas > 0) {
                    fallos.add("planted secret stored in " + tabla + ": " + secreto);
                }
            }
        }
        assertThat(fallos).as("seed " + SEED + ", class " + clase).isEmpty();
    }

    // ---- one case -------------------------------------------------------------------------------

    private String caso(Clase clase, Ruta ruta, Rol rol, Random rnd, List<String> fallos) {
        Map<String, Object> valores = new LinkedHashMap<>();
        for (Campo campo : ruta.campos()) {
            valores.put(campo.nombre() + "@" + campo.donde(), normal(ruta, campo));
        }
        List<Campo> candidatos = new ArrayList<>();
        for (Campo campo : ruta.campos()) {
            if (aplica(clase, campo)) {
                candidatos.add(campo);
            }
        }
        String nombreHostil = null;
        Campo objetivo = null;
        Cookie cookie = null;
        switch (clase) {
            case CONTROL_EN_NOMBRE -> {
                if (ruta.metodo().equals("GET") || !ruta.json()) {
                    nombreHostil = "q" + control(rnd) + "x";
                } else {
                    return null;
                }
            }
            case COOKIE -> cookie = new Cookie("INVENTARIO_IDIOMA", cookieMala(rnd));
            default -> {
                if (candidatos.isEmpty()) {
                    return null;
                }
                objetivo = candidatos.get(rnd.nextInt(candidatos.size()));
                valores.put(objetivo.nombre() + "@" + objetivo.donde(), hostil(clase, objetivo, rnd));
            }
        }
        String uri = ruta.plantilla();
        StringBuilder query = new StringBuilder();
        Map<String, Object> body = new LinkedHashMap<>();
        List<String[]> form = new ArrayList<>();
        for (Campo campo : ruta.campos()) {
            Object valor = valores.get(campo.nombre() + "@" + campo.donde());
            switch (campo.donde()) {
                case PATH ->
                    uri = uri.replaceAll(
                            "\\{" + Pattern.quote(campo.nombre()) + "(:[^}]*)?}",
                            Matcher.quoteReplacement(enc(String.valueOf(valor))));
                case QUERY -> {
                    if (campo == objetivo) {
                        query.append(query.isEmpty() ? "?" : "&")
                                .append(enc(campo.nombre()))
                                .append('=')
                                .append(enc(String.valueOf(valor instanceof Crudo c ? c.json() : valor)));
                    }
                }
                case BODY -> body.put(campo.nombre(), valor);
                case FORM ->
                    form.add(new String[] {campo.nombre(), String.valueOf(valor instanceof Crudo c ? c.json() : valor)
                    });
            }
        }
        uri = uri.replaceAll("\\{[^}]*}", "1");
        if (nombreHostil != null) {
            query.append(query.isEmpty() ? "?" : "&").append(enc(nombreHostil)).append("=1");
        }
        String descripcion = clase + " " + ruta.metodo() + " " + uri + query + " as " + rol
                + (objetivo == null
                        ? ""
                        : " field " + objetivo.nombre() + "="
                                + recorta(valores.get(objetivo.nombre() + "@" + objetivo.donde())))
                + (cookie == null ? "" : " cookie " + cookie.getValue());
        if (clase == Clase.COOKIE) {
            // the same request without the cookie first: a create's duplicate is then refused alike with
            // and without it, so the cookie request and the one it is compared with below see one state
            enviar(ruta, URI.create(uri + query), rol, body, form, null);
        }
        MvcTestResult result = enviar(ruta, URI.create(uri + query), rol, body, form, cookie);
        int status = result.getResponse().getStatus();
        String respuesta = cuerpo(result);
        for (String secreto : plantados) {
            if (respuesta.contains(secreto)) {
                fallos.add("echoed a planted secret: " + descripcion);
            }
        }
        Set<Integer> permitidos = new HashSet<>(clase.permitidos);
        if (clase == Clase.COOKIE) {
            int sinCookie = enviar(ruta, URI.create(uri + query), rol, body, form, null)
                    .getResponse()
                    .getStatus();
            permitidos.add(sinCookie);
        } else if (clase != Clase.CONTROL_EN_NOMBRE
                && clase != Clase.CONTROL_EN_VALOR
                && clase != Clase.SURROGATE
                && clase != Clase.CURSOR) {
            // role and resource answers the table documents for any request of this route
            permitidos.add(403);
            if (ruta.plantilla().contains("{")
                    || REFERENCIA_EN_CONSULTA.contains(ruta.metodo() + " " + ruta.plantilla())) {
                permitidos.add(404);
            }
            if (List.of("PUT", "PATCH", "DELETE").contains(ruta.metodo())) {
                permitidos.addAll(List.of(409, 428));
            }
            if (!ruta.api()) {
                permitidos.addAll(List.of(200, 302, 303));
            }
        } else if (rol != Rol.ADMIN) {
            permitidos.add(403);
        }
        if (multipartes.contains(ruta.metodo() + " " + ruta.plantilla()) && clase != Clase.CONTROL_EN_NOMBRE) {
            permitidos.add(415);
        }
        if (status >= 500 || !permitidos.contains(status)) {
            fallos.add(status + " (allowed " + permitidos + "): " + descripcion + " -> " + recorta(respuesta));
        }
        return descripcion;
    }

    private MvcTestResult enviar(
            Ruta ruta, URI uri, Rol rol, Map<String, Object> body, List<String[]> form, Cookie cookie) {
        MockMvcRequestBuilder request = mvc.method(org.springframework.http.HttpMethod.valueOf(ruta.metodo()))
                .uri(uri);
        TestUser user = roles.get(rol);
        if (ruta.api()) {
            request.header(HttpHeaders.AUTHORIZATION, user.bearer());
            if (ruta.json() && !ruta.metodo().equals("GET")) {
                request.contentType(MediaType.APPLICATION_JSON).content(json(body));
            }
            if (List.of("PUT", "PATCH").contains(ruta.metodo())) {
                request.header(HttpHeaders.IF_MATCH, "\"0\"");
            }
        } else {
            request.with(Sesiones.de(user)).accept(MediaType.TEXT_HTML);
            if (!ruta.metodo().equals("GET")) {
                request.with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED);
                StringBuilder content = new StringBuilder();
                for (String[] par : form) {
                    content.append(content.isEmpty() ? "" : "&")
                            .append(enc(par[0]))
                            .append('=')
                            .append(enc(par[1]));
                }
                request.content(content.toString());
            }
        }
        if (cookie != null) {
            request.cookie(cookie);
        }
        return request.exchange();
    }

    // ---- values ---------------------------------------------------------------------------------

    /** A path value: the fuzzer's own rows, and a row that does not exist where the route deletes. */
    private String enRuta(Ruta ruta, Campo campo) {
        String n = campo.nombre().toLowerCase();
        String p = ruta.plantilla();
        boolean borra = ruta.metodo().equals("DELETE") || p.contains("eliminar");
        if (n.contains("codigo")) {
            return borra ? "TI-999999" : ids.get("codigo");
        }
        if (borra) {
            return "999999999";
        }
        if (n.equals("activoid") || p.matches("/(api/)?activos/\\{id}.*")) {
            return ids.get("activo");
        }
        if (p.matches("/(api/)?categorias/\\{id}.*")) {
            return ids.get("categoriaPropia");
        }
        if (p.matches("/(api/)?usuarios/\\{id}.*")) {
            return ids.get("usuario");
        }
        return "999999999";
    }

    private Object normal(Ruta ruta, Campo campo) {
        String n = campo.nombre().toLowerCase();
        if (campo.donde() == Donde.PATH) {
            return enRuta(ruta, campo);
        }
        return switch (campo.tipo()) {
            case "integer" -> n.contains("categoria") ? Long.parseLong(ids.get("categoria")) : 1;
            case "number" -> 1;
            case "boolean" -> false;
            case "date" -> "2024-01-02";
            case "date-time" -> "2024-01-02T03:04:05Z";
            case "object" -> new Crudo("{\"cpu\": \"i7\", \"ram\": \"16GB\"}");
            case "array" -> new Crudo("[]");
            default -> "fuzz";
        };
    }

    private boolean aplica(Clase clase, Campo campo) {
        String tipo = campo.tipo();
        boolean texto =
                tipo.equals("string") || tipo.equals("object") || tipo.equals("unknown") || tipo.equals("extra");
        return switch (clase) {
            case CONTROL_EN_VALOR, TEXTO_ENORME ->
                campo.donde() != Donde.PATH && texto || campo.donde() == Donde.PATH && clase == Clase.CONTROL_EN_VALOR;
            // a lone surrogate has no UTF-8 form: it can only come as a JSON escape
            case SURROGATE -> campo.donde() == Donde.BODY && texto && !tipo.equals("extra");
            case ANIDAMIENTO -> campo.donde() == Donde.BODY;
            case NUMERO -> tipo.equals("integer") || tipo.equals("number");
            case FECHA -> tipo.startsWith("date");
            case CLAVE_SECRETA -> campo.donde() == Donde.BODY && tipo.equals("object");
            case VALOR_SECRETO ->
                (campo.donde() == Donde.BODY || campo.donde() == Donde.FORM)
                        && !campo.nombre().toLowerCase().contains("password");
            case CURSOR ->
                !tipo.equals("extra")
                        && (campo.nombre().equals("after") || campo.nombre().equals("cursor"));
            default -> false;
        };
    }

    private Object hostil(Clase clase, Campo campo, Random rnd) {
        boolean body = campo.donde() == Donde.BODY;
        return switch (clase) {
            case CONTROL_EN_VALOR -> {
                String v = "a" + control(rnd) + "b";
                yield body && campo.tipo().equals("object") ? new Crudo("{\"k" + escape(v) + "\": \"x\"}") : v;
            }
            case SURROGATE -> body ? new Crudo("\"a\\u" + (rnd.nextBoolean() ? "d800" : "dfff") + "b\"") : "a\ud800b";
            case TEXTO_ENORME -> "Z".repeat(1000 + rnd.nextInt(200_000));
            case ANIDAMIENTO -> {
                int n = 50 + rnd.nextInt(2000);
                yield rnd.nextBoolean()
                        ? new Crudo("[".repeat(n) + "1" + "]".repeat(n))
                        : new Crudo("{\"a\":".repeat(n) + "1" + "}".repeat(n));
            }
            case NUMERO -> {
                String[] malos = {
                    "1e400",
                    "-1e400",
                    "1e-400",
                    "0x10",
                    "1.5",
                    "99999999999999999999999",
                    "+1",
                    "-9223372036854775809",
                    "NaN",
                    "Infinity",
                    "1_000",
                    "١٢"
                };
                String m = malos[rnd.nextInt(malos.length)];
                if (campo.donde() == Donde.BODY
                        && (m.startsWith("0x")
                                || m.equals("NaN")
                                || m.equals("Infinity")
                                || m.equals("1_000")
                                || m.equals("١٢")
                                || m.startsWith("+"))) {
                    yield new Crudo("\"" + m + "\"");
                }
                yield body ? new Crudo(m) : m;
            }
            case FECHA -> {
                String[] malas = {
                    "+99999-01-01",
                    "-0001-01-01",
                    "0000-01-01",
                    "1800-01-01",
                    "2300-12-31",
                    "2024-02-30",
                    "2024-13-01",
                    "99999-01-01",
                    "1899-12-31",
                    "2200-01-01",
                    "2024-01-01T25:00:00Z"
                };
                yield malas[rnd.nextInt(malas.length)];
            }
            case CLAVE_SECRETA -> {
                String[] claves = {
                    "PassWord",
                    "Pass Word",
                    "pass-word",
                    "pass_word",
                    "BitLockerKey",
                    "Bit Locker Key",
                    "bit_locker_key",
                    "PassPhrase",
                    "ContraSeña",
                    "CONTRASENA",
                    "pаssword",
                    "clave_wifi",
                    "api_key",
                    "secret",
                    "token",
                    "PIN"
                };
                String marca = "fzs" + Long.toHexString(rnd.nextLong());
                plantados.add(marca);
                String clave = claves[rnd.nextInt(claves.length)];
                yield rnd.nextBoolean()
                        ? new Crudo(
                                "{\"cpu\": \"i7\", \"ram\": \"16GB\", \"" + escape(clave) + "\": \"" + marca + "\"}")
                        : new Crudo(
                                "{\"cpu\": \"i7\", \"ram\": \"16GB\", \"bitlocker\": {\"key\": \"" + marca + "\"}}");
            }
            case VALOR_SECRETO -> {
                String secreto;
                if (rnd.nextBoolean()) {
                    StringBuilder clave = new StringBuilder();
                    String sep = rnd.nextBoolean() ? "-" : "";
                    for (int g = 0; g < 8; g++) {
                        clave.append(g == 0 ? "" : sep).append(String.format("%06d", rnd.nextInt(1_000_000)));
                    }
                    secreto = clave.toString();
                    plantados.add(secreto);
                } else {
                    byte[] bytes = new byte[48];
                    rnd.nextBytes(bytes);
                    String cuerpo = Base64.getEncoder().encodeToString(bytes);
                    plantados.add(cuerpo);
                    secreto = "-----BEGIN RSA PRIVATE KEY-----\n" + cuerpo + "\n-----END RSA PRIVATE KEY-----";
                }
                String v = "notas " + secreto;
                yield body && campo.tipo().equals("object")
                        ? new Crudo("{\"cpu\": \"i7\", \"ram\": \"16GB\", \"notas\": \"" + escape(v) + "\"}")
                        : v;
            }
            case CURSOR -> {
                String[] forjados = {
                    "precio,asc\nnot-a-value\n1",
                    "fecha_compra,asc\n1e999999\nx",
                    "garbage",
                    "created_at,desc\n\u0000\n1",
                    "nombre,asc\n" + "A".repeat(5000) + "\n1",
                    "id,asc\n-1\n-1"
                };
                String f = forjados[rnd.nextInt(forjados.length)];
                yield rnd.nextInt(4) == 0
                        ? "!!not base64!!"
                        : Base64.getUrlEncoder().withoutPadding().encodeToString(f.getBytes(StandardCharsets.UTF_8));
            }
            default -> throw new IllegalStateException(clase.name());
        };
    }

    private static String control(Random rnd) {
        int[] c = {0, 1, 7, 8, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f, 0x85, 0x9f};
        return String.valueOf((char) c[rnd.nextInt(c.length)]);
    }

    private static String cookieMala(Random rnd) {
        String[] malas = {"INVALID", "<script>", "\"'", "%00", "en-US-x-aaaaaaaaaaaaaaaaaaaa", "__", "../../etc", "zz"};
        return malas[rnd.nextInt(malas.length)];
    }

    // ---- routes ---------------------------------------------------------------------------------

    private List<Ruta> rutas() {
        List<Ruta> rutas = new ArrayList<>();
        String docs = cuerpo(mvc.get().uri("/v3/api-docs").exchange());
        Map<String, Map<String, Object>> paths = JsonPath.read(docs, "$.paths");
        Set<String> documentadas = new HashSet<>();
        paths.forEach((path, operations) -> operations.forEach((method, op) -> {
            if (!(op instanceof Map<?, ?> operation) || EXCLUIDAS.matcher(path).matches()) {
                return;
            }
            documentadas.add(method.toUpperCase() + " " + path);
            List<Campo> campos = new ArrayList<>();
            if (operation.get("parameters") instanceof List<?> params) {
                for (Object p : params) {
                    Map<?, ?> param = (Map<?, ?>) p;
                    Donde donde = "path".equals(param.get("in")) ? Donde.PATH : Donde.QUERY;
                    if (!"path".equals(param.get("in")) && !"query".equals(param.get("in"))) {
                        continue;
                    }
                    campos.add(
                            new Campo((String) param.get("name"), donde, tipo(docs, (Map<?, ?>) param.get("schema"))));
                }
            }
            boolean json = false;
            if (operation.get("requestBody") instanceof Map<?, ?> rb
                    && rb.get("content") instanceof Map<?, ?> content
                    && content.containsKey("multipart/form-data")) {
                multipartes.add(method.toUpperCase() + " " + path);
            }
            if (operation.get("requestBody") instanceof Map<?, ?> rb
                    && rb.get("content") instanceof Map<?, ?> content) {
                Object schema = content.get("application/json") instanceof Map<?, ?> mt ? mt.get("schema") : null;
                if (schema instanceof Map<?, ?> s) {
                    json = true;
                    Map<?, ?> resuelto = resolver(docs, s);
                    if (resuelto.get("properties") instanceof Map<?, ?> props) {
                        props.forEach((name, ps) ->
                                campos.add(new Campo((String) name, Donde.BODY, tipo(docs, (Map<?, ?>) ps))));
                    }
                }
            }
            rutas.add(new Ruta(method.toUpperCase(), path, true, campos, json));
        }));
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e :
                mapping.getHandlerMethods().entrySet()) {
            for (String patron : e.getKey().getPatternValues()) {
                Set<org.springframework.web.bind.annotation.RequestMethod> metodos =
                        e.getKey().getMethodsCondition().getMethods();
                for (var metodo : metodos.isEmpty()
                        ? Set.of(org.springframework.web.bind.annotation.RequestMethod.GET)
                        : metodos) {
                    String clave = metodo.name() + " " + patron;
                    if (patron.startsWith("/api/")
                            || documentadas.contains(clave)
                            || EXCLUIDAS.matcher(patron).matches()
                            || patron.startsWith("/healthz")
                            || patron.startsWith("/actuator")) {
                        if (!patron.startsWith("/api/")
                                || documentadas.contains(clave)
                                || EXCLUIDAS.matcher(patron).matches()) {
                            continue;
                        }
                    }
                    boolean api = patron.startsWith("/api/");
                    rutas.add(new Ruta(
                            metodo.name(), patron, api, camposWeb(e.getValue(), patron, metodo.name()), false));
                }
            }
        }
        return rutas;
    }

    private static List<Campo> camposWeb(HandlerMethod handler, String patron, String metodo) {
        List<Campo> campos = new ArrayList<>();
        Matcher m = Pattern.compile("\\{([^}:]+)").matcher(patron);
        while (m.find()) {
            campos.add(new Campo(m.group(1), Donde.PATH, "string"));
        }
        Donde donde = metodo.equals("GET") ? Donde.QUERY : Donde.FORM;
        for (MethodParameter p : handler.getMethodParameters()) {
            Class<?> type = p.getParameterType();
            RequestParam rp = p.getParameterAnnotation(RequestParam.class);
            if (p.hasParameterAnnotation(PathVariable.class)) {
                continue;
            }
            if (rp != null) {
                String name =
                        !rp.name().isEmpty() ? rp.name() : !rp.value().isEmpty() ? rp.value() : p.getParameterName();
                if (name != null && !Map.class.isAssignableFrom(type)) {
                    campos.add(new Campo(name, donde, tipoJava(type)));
                }
            } else if (type.isRecord() && type.getName().startsWith("org.inventarioti")) {
                for (RecordComponent rc : type.getRecordComponents()) {
                    campos.add(new Campo(rc.getName(), donde, tipoJava(rc.getType())));
                }
            }
        }
        // a page may read these through a map or ignore them: only the front door's classes apply ("extra")
        if (metodo.equals("GET")) {
            for (String n : List.of("q", "sort", "after", "page", "size", "fecha_desde")) {
                if (campos.stream().noneMatch(c -> c.nombre().equals(n))) {
                    campos.add(new Campo(n, Donde.QUERY, "extra"));
                }
            }
        }
        return campos;
    }

    private static String tipoJava(Class<?> type) {
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "number";
        }
        if (type == java.time.LocalDate.class) {
            return "date";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        return "string";
    }

    private static Map<?, ?> resolver(String docs, Map<?, ?> schema) {
        Object ref = schema.get("$ref");
        if (ref instanceof String r) {
            String name = r.substring(r.lastIndexOf('/') + 1);
            return JsonPath.read(docs, "$.components.schemas['" + name + "']");
        }
        return schema;
    }

    private static String tipo(String docs, Map<?, ?> schema) {
        if (schema == null) {
            return "unknown";
        }
        Map<?, ?> s = resolver(docs, schema);
        if (s.get("oneOf") instanceof List<?> l && !l.isEmpty()) {
            s = resolver(docs, (Map<?, ?>) l.get(0));
        }
        Object type = s.get("type");
        if (type instanceof List<?> types) {
            type = types.stream()
                    .map(String::valueOf)
                    .filter(t -> !"null".equals(t))
                    .findFirst()
                    .orElse("unknown");
        }
        if ("string".equals(type) && s.get("format") instanceof String f && f.startsWith("date")) {
            return f;
        }
        if (type == null && s.get("properties") != null) {
            return "object";
        }
        return type == null ? "unknown" : String.valueOf(type);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static String json(Map<String, Object> body) {
        StringBuilder out = new StringBuilder("{");
        body.forEach((k, v) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(escape(k)).append("\":");
            if (v instanceof Crudo c) {
                out.append(c.json());
            } else if (v instanceof String s) {
                out.append('"').append(escape(s)).append('"');
            } else {
                out.append(v);
            }
        });
        return out.append('}').toString();
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String cuerpo(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recorta(Object o) {
        String s = String.valueOf(o instanceof Crudo c ? c.json() : o);
        return s.length() > 160 ? s.substring(0, 160) + "…(" + s.length() + ")" : s;
    }
}
