package org.inventarioti.ops.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.inventarioti.InventarioApplication;
import org.inventarioti.InventarioCli;
import org.inventarioti.cli.CliContext;
import org.inventarioti.support.CatalogDump;
import org.inventarioti.support.EstadoV2;
import org.inventarioti.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** `migrate rehearse`: the pending migrations and a smoke test on a restored copy, production untouched. */
class RehearseTest {

    private static int run(CliContext context, StringWriter out, String... args) {
        var commandLine = InventarioCli.commandLine(context);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        return commandLine.execute(args);
    }

    private static long rehearsalDatabases() throws Exception {
        try (Connection connection = TestDatabase.get().connect("postgres");
                var rs = connection
                        .createStatement()
                        .executeQuery("SELECT count(*) FROM pg_database WHERE datname LIKE 'inventario_rehearse_%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void rehearsesTheV3WindowOnARestoredCopy(@TempDir Path dir) throws Exception {
        TestDatabase server = TestDatabase.get();
        try (var db = server.scratch();
                Connection connection = db.connect();
                CliContext cli = new CliContext(
                        () -> new SpringApplicationBuilder(InventarioApplication.class),
                        "--spring.datasource.url=" + db.jdbcUrl(),
                        "--spring.datasource.username=" + server.user(),
                        "--spring.datasource.password=" + server.password(),
                        "--inventario.data-dir=" + dir)) {
            EstadoV2.crear(connection, db.jdbcUrl(), "2.1", 20);
            StringWriter backup = new StringWriter();
            assertThat(run(
                            cli,
                            backup,
                            "backup",
                            "--output",
                            dir.resolve("backups").toString()))
                    .as(backup.toString())
                    .isZero();
            Path archive;
            try (var files = Files.list(dir.resolve("backups"))) {
                archive = files.filter(p -> p.toString().endsWith(".zip"))
                        .findFirst()
                        .orElseThrow();
            }
            String before = CatalogDump.of(connection);
            long scratchBefore = rehearsalDatabases();

            StringWriter out = new StringWriter();
            int exit;
            try (var live = holdDefaultPort()) {
                // the live server's port (8080 unless PORT says otherwise) stays taken during the rehearsal
                exit = run(cli, out, "migrate", "rehearse", archive.toString());
            }

            assertThat(exit).as(out.toString()).isZero();
            assertThat(out.toString())
                    .contains("OK     restore")
                    .containsPattern("OK +preconditions before V3 .*converted 20, quarantined 4")
                    .containsPattern("OK +V3 contract")
                    .contains("OK     start this release and smoke it")
                    .contains("signed in as a temporary smoke user (removed afterwards)")
                    .contains("Rehearsal PASSED");
            assertThat(CatalogDump.of(connection))
                    .as("the real database is untouched")
                    .isEqualTo(before);
            assertThat(rehearsalDatabases()).as("scratch dropped").isEqualTo(scratchBefore);
            try (var rs = connection
                    .createStatement()
                    .executeQuery("SELECT count(*) FROM usuarios WHERE email LIKE 'smoke-%'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("no smoke user on production").isZero();
            }
        }
    }

    /** Binds 8080 on loopback when it is free, as a live server would; closing releases it. */
    private static AutoCloseable holdDefaultPort() {
        try {
            var socket = new java.net.ServerSocket(8080, 50, java.net.InetAddress.getLoopbackAddress());
            return socket;
        } catch (java.io.IOException taken) {
            return () -> {};
        }
    }
}
