package org.inventarioti.support.releases;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.inventarioti.support.Processes;
import org.inventarioti.support.TestDatabase;

/**
 * A production host in a temporary directory: a deploy root instead of /srv/inventario, the
 * stand-in systemctl first on PATH, an environment file like /etc/inventario/inventario.env and a
 * free port. Scripts and the CLI run with exactly that environment.
 */
public final class ProductionHost implements AutoCloseable {

    public static final String JWT_SECRET = "Xq7!vL2#pR9@tW4$mZ8%kB3^nC6&hJ1*";

    private final Path home;
    private final Path root;
    private final Path systemd;
    private final int port;
    private final Map<String, String> env = new HashMap<>();

    public ProductionHost(Path home, TestDatabase.Scratch db) throws IOException {
        this(home, TestDatabase.get().env(db.name()));
    }

    /** A host whose database is {@code dbName} on the test server, reached as {@code user} (not the test user). */
    public static ProductionHost as(Path home, String dbName, String user, String password) throws IOException {
        Map<String, String> database = new HashMap<>(TestDatabase.get().env(dbName));
        database.put("DB_USER", user);
        database.put("DB_PASS", password);
        return new ProductionHost(home, database);
    }

    /** A host whose database is given by the seed's {@code DB_*} variables (any server, e.g. the machine's). */
    public static ProductionHost on(Path home, Map<String, String> database) throws IOException {
        return new ProductionHost(home, database);
    }

    /** Adds a variable to the environment the tools run with (not to the service's env file). */
    public ProductionHost with(String name, String value) {
        env.put(name, value);
        return this;
    }

    private ProductionHost(Path home, Map<String, String> database) throws IOException {
        this.home = home;
        this.root = home.resolve("srv/inventario");
        this.systemd = home.resolve("systemd");
        Path bin = home.resolve("bin");
        Files.createDirectories(bin);
        Files.createDirectories(systemd);
        Files.copy(
                Path.of("src/test/resources/deploy/systemctl"),
                bin.resolve("systemctl"),
                StandardCopyOption.REPLACE_EXISTING);
        bin.resolve("systemctl").toFile().setExecutable(true);
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        env.putAll(database);
        env.putIfAbsent("DB_PASS", "trust-auth-ignores-this");
        env.put("JWT_SECRET", JWT_SECRET);
        env.put("PORT", Integer.toString(port));
        env.put("SPRING_PROFILES_ACTIVE", "prod");
        env.put("INVENTARIO_DATA_DIR", home.resolve("data").toString());
        env.put("INVENTARIO_ENV", "staging-test");
        env.put("JAVA_OPTS", "-XX:TieredStopAtLevel=1 -Xss512k");
        StringBuilder file = new StringBuilder();
        env.forEach((k, v) -> file.append(k).append("='").append(v).append("'\n"));
        Files.writeString(systemd.resolve("env"), file.toString());
        // Like /etc/inventario/inventario.env: the secrets file is mode 600 (preflight checks it).
        Files.setPosixFilePermissions(
                systemd.resolve("env"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        env.put("INVENTARIO_ROOT", root.toString());
        env.put("INVENTARIO_ENV_FILE", systemd.resolve("env").toString());
        env.put("INVENTARIO_URL", url());
        env.put("FAKE_SYSTEMD_DIR", systemd.toString());
        env.put("PATH", bin + ":" + System.getenv("PATH"));
    }

    public Path root() {
        return root;
    }

    public Path home() {
        return home;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Map<String, String> env() {
        return env;
    }

    public Processes.Result run(Duration timeout, String... command) throws IOException, InterruptedException {
        return Processes.run(List.of(command), env, timeout);
    }

    public Processes.Result systemctl(String verb) throws IOException, InterruptedException {
        return run(Duration.ofMinutes(2), home.resolve("bin/systemctl").toString(), verb, "inventario");
    }

    /** The running service's {@code /healthz} body, or null when nothing answers. */
    public String healthz() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url() + "/healthz"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (Exception e) {
            return null;
        }
    }

    public String current() throws IOException {
        return root.resolve("current").toRealPath().getFileName().toString();
    }

    public String serviceLog() throws IOException {
        Path log = systemd.resolve("inventario.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Every file and link under the root with its size or target, to prove nothing changed. */
    public String tree() throws IOException {
        if (!Files.exists(root)) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted().toList()) {
                String relative = root.relativize(path).toString();
                if (Files.isSymbolicLink(path)) {
                    lines.add(relative + " -> " + Files.readSymbolicLink(path));
                } else if (Files.isRegularFile(path)) {
                    lines.add(relative + " " + Files.size(path) + " " + Files.getLastModifiedTime(path));
                } else {
                    lines.add(relative + "/");
                }
            }
        }
        return String.join("\n", lines);
    }

    @Override
    public void close() throws Exception {
        systemctl("stop");
    }
}
