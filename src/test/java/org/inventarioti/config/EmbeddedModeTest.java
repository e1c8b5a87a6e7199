package org.inventarioti.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.inventarioti.InventarioApplication;
import org.inventarioti.InventarioCli;
import org.inventarioti.cli.CliContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The default mode a newcomer gets: the server on its own embedded PostgreSQL, the first admin
 * printed once, the data kept across a restart, and the CLI attaching to the running database.
 */
class EmbeddedModeTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext start(Path dataDir, String... extra) {
        String[] properties = java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(
                                "--inventario.data-dir=" + dataDir,
                                "--inventario.embedded-db.durable=false",
                                "--server.port=0",
                                "--server.address=127.0.0.1",
                                "--logging.level.root=warn"),
                        java.util.stream.Stream.of(extra))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(InventarioApplication.class).run(properties);
    }

    private HttpResponse<String> login(ConfigurableApplicationContext app, String email, String password)
            throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void firstRunPrintsTheAdminOnceAndDataSurvivesARestart(@TempDir Path dataDir) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        String password;
        System.setOut(new PrintStream(console, true));
        try (var app = start(dataDir)) {
            Matcher printed = Pattern.compile("password: (\\S+)").matcher(console.toString());
            assertThat(printed.find()).as("first admin printed in: " + console).isTrue();
            password = printed.group(1);
            assertThat(login(app, "admin@inventario.local", password).statusCode())
                    .isEqualTo(200);
            assertThat(Files.exists(dataDir.resolve("postgres/PG_VERSION"))).isTrue();
            assertThat(Files.exists(dataDir.resolve("jwt-secret"))).isTrue();

            StringWriter out = new StringWriter();
            try (CliContext cli = new CliContext(
                    () -> new SpringApplicationBuilder(InventarioApplication.class),
                    "--inventario.data-dir=" + dataDir)) {
                var commandLine = InventarioCli.commandLine(cli);
                commandLine.setOut(new PrintWriter(out));
                int exit = commandLine.execute("usuarios", "crear-admin", "--email", "ops@inventario.local");
                assertThat(exit).isEqualTo(0);
                assertThat(cli.bean(EmbeddedPostgresServer.class).ownsServer())
                        .as("CLI attached")
                        .isFalse();
            }
            assertThat(out.toString()).contains("Administrator ops@inventario.local");
            assertThat(login(app, "admin@inventario.local", password).statusCode())
                    .as("server still serving after the CLI closed")
                    .isEqualTo(200);
        } finally {
            System.setOut(original);
        }

        console.reset();
        System.setOut(new PrintStream(console, true));
        try (var app = start(dataDir, "--sentry.dsn=https://public@127.0.0.1:9/1")) {
            assertThat(console.toString()).doesNotContain("password:");
            assertThat(login(app, "admin@inventario.local", password).statusCode())
                    .isEqualTo(200);
            assertThat(io.sentry.Sentry.isEnabled()).as("Sentry on with a DSN").isTrue();
        } finally {
            System.setOut(original);
            io.sentry.Sentry.close();
        }
        assertThat(EmbeddedPostgresServer.runningPort(dataDir.resolve("postgres")))
                .as("stopped on shutdown")
                .isEmpty();
    }
}
