package org.inventarioti.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.inventarioti.InventarioApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The start-up switch adds demo data on the first embedded start only. */
class DemoDataFirstRunTest {

    private static ConfigurableApplicationContext start(Path dataDir, int demo) {
        return new SpringApplicationBuilder(InventarioApplication.class)
                .run(
                        "--inventario.data-dir=" + dataDir,
                        "--inventario.embedded-db.durable=false",
                        "--inventario.demo-data.first-run=" + demo,
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--logging.level.root=warn");
    }

    private static long activos(ConfigurableApplicationContext app) {
        return app.getBean(JdbcClient.class)
                .sql("SELECT count(*) FROM activos WHERE demo")
                .query(Long.class)
                .single();
    }

    @Test
    void onlyTheFirstStartOfAnEmptyEmbeddedDatabaseGetsDemoData(@TempDir Path dataDir) {
        try (var app = start(dataDir, 30)) {
            assertThat(activos(app)).isEqualTo(30);
            assertThat(app.getBean(JdbcClient.class)
                            .sql("SELECT count(*) FROM usuarios WHERE rol = 'ADMIN' AND NOT demo")
                            .query(Long.class)
                            .single())
                    .as("the first administrator was still created")
                    .isEqualTo(1);
        }
        try (var app = start(dataDir, 30)) {
            assertThat(activos(app)).as("not added again").isEqualTo(30);
        }
    }

    @Test
    void demoDataOnAFreshDataDirectoryCreatesThePrintedFirstAdministratorOnce(@TempDir Path dataDir) {
        String primera = demoData(dataDir, "5");
        assertThat(primera)
                .contains("first administrator created (shown only this once)", "admin@inventario.local")
                .contains("Demo user tecnico1@demo.inventario.local");
        String password = primera.lines()
                .filter(l -> l.strip().startsWith("password:"))
                .map(l -> l.strip().substring("password:".length()).strip())
                .findFirst()
                .orElseThrow();
        assertThat(demoData(dataDir, "3")).doesNotContain("first administrator", password);
        try (var app = start(dataDir, 0)) {
            assertThat(app.getBean(JdbcClient.class)
                            .sql("SELECT count(*) FROM usuarios WHERE rol = 'ADMIN' AND NOT demo")
                            .query(Long.class)
                            .single())
                    .as("the server's first start finds it and makes no other")
                    .isEqualTo(1);
            String hash = app.getBean(JdbcClient.class)
                    .sql("SELECT password_hash FROM usuarios WHERE email = 'admin@inventario.local'")
                    .query(String.class)
                    .single();
            assertThat(
                            org.springframework.security.crypto.factory.PasswordEncoderFactories
                                    .createDelegatingPasswordEncoder()
                                    .matches(password, hash))
                    .as("the printed password signs in")
                    .isTrue();
        }
    }

    private static String demoData(Path dataDir, String activos) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (org.inventarioti.cli.CliContext context = new org.inventarioti.cli.CliContext(
                () -> new SpringApplicationBuilder(InventarioApplication.class),
                "--inventario.data-dir=" + dataDir,
                "--inventario.embedded-db.durable=false",
                "--logging.level.root=warn")) {
            var commandLine = org.inventarioti.InventarioCli.commandLine(context);
            commandLine.setOut(new java.io.PrintWriter(out, true));
            int exit = commandLine.execute("demo-data", "--activos", activos, "--seed", "7");
            assertThat(exit).as(out.toString()).isZero();
        }
        return out.toString();
    }
}
