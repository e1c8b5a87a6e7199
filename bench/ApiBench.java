import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for bench/run.sh: each scenario runs through the API at C concurrent clients for
 * S seconds, then the SQL the API runs per request (the table version and the page query, in one
 * REPEATABLE READ snapshot; the total comes from the count cache) straight over JDBC at C
 * connections, and once more with the count query as well (what a first, uncached request costs).
 * Prints p50/p95 and the API/SQL ratio of p95, then the plans.
 * Usage: java -cp postgresql.jar bench/ApiBench.java BASE_URL JDBC_URL EMAIL CLIENTS SECONDS
 */
public class ApiBench {

    static final String SELECT = """
            SELECT (%s)::text AS sort_value__, a.id, a.codigo, a.categoria_id, c.nombre AS categoria, a.nombre, a.marca,
                   a.modelo, a.numero_serie, a.estado, a.area, a.ubicacion, a.proveedor, a.fecha_compra, a.garantia_hasta,
                   a.precio, a.moneda, a.responsable, a.notas, a.bitlocker, a.especificaciones::text AS especificaciones,
                   a.version, a.created_at, a.created_by, a.updated_at, a.updated_by
            FROM activos a JOIN categorias c ON c.id = a.categoria_id""";
    static final String TEXTO = "activos_texto(a.nombre, a.marca, a.modelo, a.numero_serie, a.codigo, a.responsable, a.notas)";

    /** One API request and the SQL it runs: where (with ? parameters), order, offset, count or not. */
    record Scenario(String name, String query, String where, List<Object> params, String sortExpr, String order,
                    long offset, boolean fetchAndSort) {

        /** Small filtered sets (at most 2000 rows, as the API's Listing decides) are fetched and sorted. */
        Scenario decide(long total) {
            return new Scenario(name, query, where, params, sortExpr, order, offset, !where.isEmpty() && total <= 2000);
        }

        String pageSql() {
            if (fetchAndSort) {
                return SELECT.formatted(sortExpr).replace("FROM activos a", "FROM (SELECT * FROM activos a WHERE " + where
                        + " OFFSET 0) a") + " ORDER BY " + order + " LIMIT 51" + (offset > 0 ? " OFFSET " + offset : "");
            }
            return SELECT.formatted(sortExpr) + (where.isEmpty() ? "" : " WHERE " + where) + " ORDER BY " + order
                    + " LIMIT 51" + (offset > 0 ? " OFFSET " + offset : "");
        }

        String countSql() {
            String filter = where.replaceAll("\\(lower\\(a\\.nombre\\), a\\.id\\) > \\(CAST\\(\\? AS text\\), \\?\\)( AND )?", "");
            return "SELECT count(*) FROM activos a" + (filter.isBlank() ? "" : " WHERE " + filter);
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbcUrl = args[1];
        int clients = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String token = login(http, base, args[2], System.getenv("BENCH_PASSWORD"));

        long laptop;
        String serialPart;
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            laptop = single(c, "SELECT id FROM categorias WHERE nombre = 'Laptop'");
            try (var rs = c.createStatement().executeQuery("SELECT substr(numero_serie, 3, 4) FROM activos WHERE demo ORDER BY id OFFSET 5000 LIMIT 1")) {
                rs.next();
                serialPart = rs.getString(1).toLowerCase(Locale.ROOT);
            }
        }
        LocalDate today = LocalDate.now();
        String cursor = get(http, base + "/api/activos?sort=nombre&size=50&page=500", token);
        Matcher next = Pattern.compile("\"next_after\":\"([^\"]+)\"").matcher(cursor);
        next.find();
        String after = next.group(1);
        String[] position = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split("\n", 3);

        String GARANTIA = "coalesce(a.garantia_hasta, '-infinity'::date)";
        List<Scenario> scenarios = List.of(
                new Scenario("list, default sort (codigo)", "size=50", "", List.of(), "a.codigo", "a.codigo ASC", 0, true),
                new Scenario("list, sort nombre desc", "sort=nombre,desc", "", List.of(), "lower(a.nombre)",
                        "lower(a.nombre) DESC, a.id DESC", 0, true),
                new Scenario("list, keyset after 25 000 rows (sort nombre)", "sort=nombre&after=" + after,
                        "(lower(a.nombre), a.id) > (CAST(? AS text), ?)", List.of(position[2], Long.parseLong(position[1])),
                        "lower(a.nombre)", "lower(a.nombre) ASC, a.id ASC", 0, true),
                new Scenario("list, page 500 by number (OFFSET 24 950)", "sort=nombre&page=500", "", List.of(),
                        "lower(a.nombre)", "lower(a.nombre) ASC, a.id ASC", 24950, true),
                new Scenario("filter estado, sort precio desc", "estado=En almacén&sort=precio,desc", "a.estado IN (?)",
                        List.of("En almacén"), "coalesce(a.precio, -1)", "coalesce(a.precio, -1) DESC, a.id DESC", 0, true),
                new Scenario("filter categoria + area", "categoria_id=" + laptop + "&area=finanzas",
                        "a.categoria_id IN (?) AND lower(coalesce(a.area, '')) = ?", List.of(laptop, "finanzas"), "a.codigo",
                        "a.codigo ASC", 0, true),
                new Scenario("filter responsable, sort fecha_compra", "responsable=lucía garcía&sort=fecha_compra",
                        "lower(coalesce(a.responsable, '')) = ?", List.of("lucía garcía"),
                        "coalesce(a.fecha_compra, '-infinity'::date)", "coalesce(a.fecha_compra, '-infinity'::date) ASC, a.id ASC", 0, true),
                new Scenario("warranty ending in the next 90 days", "garantia_vence_desde=" + today + "&garantia_vence_antes="
                        + today.plusDays(90) + "&sort=garantia_hasta", GARANTIA + " >= ? AND " + GARANTIA + " > '-infinity'::date AND "
                        + GARANTIA + " < ?", List.of(today, today.plusDays(90)), GARANTIA, GARANTIA + " ASC, a.id ASC", 0, true),
                new Scenario("text q=garcía (common)", "q=garcía", TEXTO + " LIKE ?", List.of("%garcía%"), "a.codigo",
                        "a.codigo ASC", 0, true),
                new Scenario("text q=<4 chars of a serial> (rare)", "q=" + serialPart, TEXTO + " LIKE ?",
                        List.of("%" + serialPart + "%"), "a.codigo", "a.codigo ASC", 0, true),
                new Scenario("spec.ram=32GB", "spec.ram=32GB", "a.especificaciones @> CAST(? AS jsonb)",
                        List.of("{\"ram\":\"32GB\"}"), "a.codigo", "a.codigo ASC", 0, true),
                new Scenario("spec.numero_puertos=48 (number or text)", "spec.numero_puertos=48",
                        "(a.especificaciones @> CAST(? AS jsonb) OR a.especificaciones @> CAST(? AS jsonb))",
                        List.of("{\"numero_puertos\":\"48\"}", "{\"numero_puertos\":48}"), "a.codigo", "a.codigo ASC", 0, true),
                new Scenario("spec.ram=16GB & spec.cpu=Apple M2", "spec.ram=16GB&spec.cpu=Apple M2",
                        "a.especificaciones @> CAST(? AS jsonb)", List.of("{\"ram\":\"16GB\",\"cpu\":\"Apple M2\"}"),
                        "a.codigo", "a.codigo ASC", 0, true));

        System.out.printf("%n== %d clients, %d s per scenario and side (after a %d s warm-up)%n%n", clients, seconds, Math.max(2, seconds / 3));
        System.out.println("| scenario | total | API p50 ms | API p95 ms | API req/s | SQL p50 ms | SQL p95 ms | SQL q/s"
                + " | p95 API/SQL | SQL+count p50 ms | SQL+count p95 ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        List<Scenario> decided = new ArrayList<>();
        for (Scenario declared : scenarios) {
            String url = base + "/api/activos?" + encode(declared.query());
            String body = get(http, url, token);
            long total = Long.parseLong(find(body, "\"total\":(\\d+)"));
            Scenario s = declared.decide(total);
            decided.add(s);
            long sqlTotal;
            try (Connection c = DriverManager.getConnection(jdbcUrl)) {
                sqlTotal = count(c, s);
                List<Long> sqlIds = page(c, s);
                List<Long> apiIds = new ArrayList<>();
                Matcher ids = Pattern.compile("\\{\"id\":(\\d+),\"codigo\"").matcher(body);
                while (ids.find()) {
                    apiIds.add(Long.parseLong(ids.group(1)));
                }
                if (sqlTotal != total || !sqlIds.subList(0, Math.min(50, sqlIds.size())).equals(apiIds)) {
                    System.out.println("WARNING: the SQL of '" + s.name() + "' does not give what the API gave");
                }
            }
            run(clients, Math.max(2, seconds / 3), w -> get(http, url, token));
            Stats api = run(clients, seconds, w -> get(http, url, token));
            Connection[] snapshot = connections(jdbcUrl, clients, false);
            Connection[] plain = connections(jdbcUrl, clients, true);
            Stats sql;
            Stats counted;
            try {
                run(clients, Math.max(2, seconds / 3), w -> perRequest(snapshot[w], s));
                sql = run(clients, seconds, w -> perRequest(snapshot[w], s));
                counted = run(clients, seconds, w -> {
                    page(plain[w], s);
                    count(plain[w], s);
                    return "";
                });
            } finally {
                for (Connection c : snapshot) c.close();
                for (Connection c : plain) c.close();
            }
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.0f | %.1f | %.1f | %.0f | %.1f | %.1f | %.1f |%n", s.name(),
                    total, api.p(50), api.p(95), api.rate(), sql.p(50), sql.p(95), sql.rate(), api.p(95) / sql.p(95),
                    counted.p(50), counted.p(95));
        }
        System.out.println("\n== plans (EXPLAIN ANALYZE of the page query and the count, one run each)\n");
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            for (Scenario s : decided) {
                System.out.println("-- " + s.name() + (s.fetchAndSort() ? " (fetched through the filter and sorted)" : ""));
                explain(c, s.pageSql(), s.params());
                explain(c, s.countSql(), countParams(s));
                System.out.println();
            }
        }
    }

    interface Call {
        Object call(int worker) throws Exception;
    }

    static Connection[] connections(String jdbcUrl, int n, boolean autoCommit) throws Exception {
        Connection[] all = new Connection[n];
        for (int i = 0; i < n; i++) {
            all[i] = DriverManager.getConnection(jdbcUrl);
            all[i].setAutoCommit(autoCommit);
            if (!autoCommit) {
                all[i].setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
        }
        return all;
    }

    record Stats(List<Long> nanos, double seconds) {
        double p(int percentile) {
            if (nanos.isEmpty()) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(percentile / 100.0 * nanos.size()) - 1;
            return nanos.get(Math.max(0, index)) / 1e6;
        }

        double rate() {
            return nanos.size() / seconds;
        }
    }

    static Stats run(int clients, int seconds, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int worker = i;
            futures.add(pool.submit(() -> {
                List<Long> times = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    call.call(worker);
                    times.add(System.nanoTime() - start);
                }
                return times;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get());
        }
        pool.shutdown();
        Collections.sort(all);
        return new Stats(all, seconds);
    }

    /** What the API runs per request once a total is cached: the table version and the page (one snapshot). */
    static Object perRequest(Connection c, Scenario s) throws Exception {
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT n FROM ops_activos_version")) {
            rs.next();
        }
        page(c, s);
        c.commit();
        return "";
    }

    static List<Object> countParams(Scenario s) {
        return s.where().startsWith("(lower(a.nombre), a.id) >") ? List.of() : s.params();
    }

    static long count(Connection c, Scenario s) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(s.countSql())) {
            bind(ps, countParams(s));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static List<Long> page(Connection c, Scenario s) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(s.pageSql())) {
            bind(ps, s.params());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString("especificaciones");
                    ids.add(rs.getLong("id"));
                }
            }
        }
        return ids;
    }

    static void bind(PreparedStatement ps, List<Object> params) throws Exception {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    static void explain(Connection c, String sql, List<Object> params) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    System.out.println("    " + rs.getString(1));
                }
            }
        }
    }

    static long single(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String encode(String query) {
        StringBuilder out = new StringBuilder();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            out.append(out.isEmpty() ? "" : "&").append(kv[0]).append('=')
                    .append(URLEncoder.encode(kv[1], StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }

    static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(regex + " not in " + text.substring(0, Math.min(300, text.length())));
        }
        return m.group(1);
    }

    static String login(HttpClient http, String base, String email, String password) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return find(response.body(), "\"token\":\"([^\"]+)\"");
    }

    static String get(HttpClient http, String url, String token) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
