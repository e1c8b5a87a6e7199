package org.inventarioti.ops.migrate;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.inventarioti.InventarioApplication;
import org.inventarioti.ops.archive.Database;
import org.inventarioti.ops.backup.ConfiguredDatabase;
import org.inventarioti.ops.restore.RestoreOptions;
import org.inventarioti.ops.restore.RestoreService;
import org.inventarioti.ops.smoke.SmokeOptions;
import org.inventarioti.ops.smoke.SmokeReport;
import org.inventarioti.ops.smoke.SmokeService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Service;

/**
 * {@code inventario migrate rehearse ARCHIVE}: the real dry run. Restores the archive into a
 * scratch database on the configured server, applies this release's pending migrations there one
 * by one (timed, preconditions measured before each contract one), starts this release on it and
 * smoke-tests it, then drops the scratch database. Production is only read (to create the scratch).
 */
@Service
public class RehearsalService {

    private final Flyway flyway;
    private final Migrator migrador;
    private final ConfiguredDatabase configured;

    RehearsalService(Flyway flyway, Migrator migrador, ConfiguredDatabase configured) {
        this.flyway = flyway;
        this.migrador = migrador;
        this.configured = configured;
    }

    public record Paso(String nombre, boolean ok, Duration duracion, String detalle) {
        String linea() {
            return String.format(
                    "  %-6s %-34s %8.1f s  %s", ok ? "OK" : "FAILED", nombre, duracion.toMillis() / 1000.0, detalle);
        }
    }

    public boolean ensayar(Path archive, PrintWriter out) throws Exception {
        Database server = configured.database();
        String name = "inventario_rehearse_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        List<Paso> pasos = new ArrayList<>();
        out.println("Rehearsal of " + archive + " in scratch database " + name + " on " + server.describe());
        execute(server, "CREATE DATABASE \"" + name + "\" TEMPLATE template0");
        try {
            Database scratch = server.withName(name);
            boolean ok = paso(pasos, out, "restore " + archive.getFileName(), () -> {
                var report = RestoreService.standalone()
                        .restore(
                                archive.toAbsolutePath(),
                                scratch,
                                new RestoreOptions(
                                        false, false, archive.toAbsolutePath().getParent()),
                                new PrintWriter(java.io.Writer.nullWriter()));
                if (!report.countsMatch()) {
                    throw new IllegalStateException("row counts differ after the restore");
                }
                return report.rows() + " rows";
            });
            var dataSource = new DriverManagerDataSource(scratch.url(), scratch.user(), scratch.password());
            Flyway scratchFlyway = Flyway.configure(flyway.getConfiguration().getClassLoader())
                    .configuration(flyway.getConfiguration())
                    .dataSource(dataSource)
                    .load();
            for (MigrationInfo migration : ok ? Migrator.pendientes(scratchFlyway) : List.<MigrationInfo>of()) {
                MigrationKind tipo = MigrationKind.of(migration);
                if (tipo == MigrationKind.CONTRACT) {
                    ok &= paso(pasos, out, "preconditions before V" + migration.getVersion(), () -> {
                        var estado = SpecsMigrationStatus.medir(JdbcClient.create(dataSource));
                        if (estado.isPresent() && !estado.get().cumple()) {
                            throw new IllegalStateException(estado.get().describir());
                        }
                        return estado.map(SpecsMigrationStatus::describir).orElse("none for this migration");
                    });
                }
                ok = ok
                        && paso(
                                pasos,
                                out,
                                "V" + migration.getVersion() + " " + tipo.etiqueta() + " " + migration.getDescription(),
                                () -> {
                                    migrador.aplicar(scratchFlyway, migration.getVersion());
                                    return "applied";
                                });
                if (!ok) {
                    break;
                }
            }
            if (ok) {
                ok = paso(pasos, out, "start this release and smoke it", () -> smoke(scratch));
            }
            out.println();
            out.println("Rehearsal " + (ok ? "PASSED" : "FAILED") + ":");
            pasos.forEach(p -> out.println(p.linea()));
            return ok;
        } finally {
            execute(server, "DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            out.println("Scratch database " + name + " dropped.");
        }
    }

    private String smoke(Database scratch) throws Exception {
        // Above every other property source (application.yml's ${PORT:8080}, the DB_* mapping): the
        // rehearsal server must never bind the live server's port nor reach any database but the scratch one.
        Map<String, Object> rehearsal = new HashMap<>();
        rehearsal.put("spring.datasource.url", scratch.url());
        rehearsal.put("spring.datasource.username", scratch.user());
        rehearsal.put("spring.datasource.password", scratch.password() == null ? "" : scratch.password());
        rehearsal.put("server.port", "0");
        rehearsal.put("server.address", "127.0.0.1");
        rehearsal.put("inventario.cli", "false");
        rehearsal.put("spring.main.banner-mode", "off");
        rehearsal.put("logging.level.root", "WARN");
        try (var app = new SpringApplicationBuilder(InventarioApplication.class)
                .initializers(context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new MapPropertySource("inventarioRehearsal", rehearsal)))
                .run()) {
            int actual = ((WebServerApplicationContext) app).getWebServer().getPort();
            SmokeReport report = SmokeService.run(new SmokeOptions(
                    URI.create("http://127.0.0.1:" + actual), null, null, null, false, Duration.ofSeconds(10)));
            if (!report.ok()) {
                throw new IllegalStateException("smoke failed: " + report.failed());
            }
            return report.checks().size() + " checks";
        }
    }

    private interface Accion {
        String run() throws Exception;
    }

    private static boolean paso(List<Paso> pasos, PrintWriter out, String nombre, Accion accion) {
        long start = System.nanoTime();
        try {
            String detail = accion.run();
            pasos.add(new Paso(nombre, true, Duration.ofNanos(System.nanoTime() - start), detail));
            return true;
        } catch (Exception e) {
            pasos.add(new Paso(
                    nombre, false, Duration.ofNanos(System.nanoTime() - start), String.valueOf(e.getMessage())));
            return false;
        } finally {
            out.println(pasos.get(pasos.size() - 1).linea());
            out.flush();
        }
    }

    private static void execute(Database server, String sql) throws Exception {
        try (Connection connection = server.connect();
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
