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
import org.inventarioti.config.ConfiguredDatabase;
import org.inventarioti.config.Database;
import org.inventarioti.ops.restore.RestoreOptions;
import org.inventarioti.ops.restore.RestoreService;
import org.inventarioti.ops.smoke.SmokeOptions;
import org.inventarioti.ops.smoke.SmokeReport;
import org.inventarioti.ops.smoke.SmokeService;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Service;
import org.springframework.util.ClassUtils;

/**
 * {@code inventario migrate rehearse ARCHIVE}: the real dry run. Restores the archive into a
 * scratch database on the configured server, applies this release's pending migrations there one
 * by one (timed, preconditions measured before each contract one), starts this release on it and
 * smoke-tests it, then drops the scratch database. Production is only read (to create the scratch).
 */
@Service
public class RehearsalService {

    private final Flyway flyway;
    private final Migrator migrator;
    private final ConfiguredDatabase configured;
    private final ApplicationContext context;

    RehearsalService(Flyway flyway, Migrator migrator, ConfiguredDatabase configured, ApplicationContext context) {
        this.flyway = flyway;
        this.migrator = migrator;
        this.configured = configured;
        this.context = context;
    }

    /**
     * The application this context was started from, found rather than named: the root package
     * registers the commands, so ops must not depend on it.
     */
    private static Class<?> applicationClass(ApplicationContext context) {
        String[] names = context.getBeanNamesForAnnotation(SpringBootConfiguration.class);
        if (names.length != 1) {
            throw new IllegalStateException("expected one @SpringBootConfiguration, found " + names.length);
        }
        return ClassUtils.getUserClass(context.getType(names[0]));
    }

    public record Step(String name, boolean ok, Duration duration, String detail) {
        String line() {
            return String.format(
                    "  %-6s %-34s %8.1f s  %s", ok ? "OK" : "FAILED", name, duration.toMillis() / 1000.0, detail);
        }
    }

    public boolean rehearse(Path archive, PrintWriter out) throws Exception {
        Database server = configured.database();
        String name = "inventario_rehearse_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        List<Step> steps = new ArrayList<>();
        out.println("Rehearsal of " + archive + " in scratch database " + name + " on " + server.describe());
        execute(server, "CREATE DATABASE \"" + name + "\" TEMPLATE template0");
        try {
            Database scratch = server.withName(name);
            boolean ok = step(steps, out, "restore " + archive.getFileName(), () -> {
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
            for (MigrationInfo migration : ok ? Migrator.pending(scratchFlyway) : List.<MigrationInfo>of()) {
                MigrationKind kind = MigrationKind.of(migration);
                if (kind == MigrationKind.CONTRACT) {
                    ok &= step(steps, out, "preconditions before V" + migration.getVersion(), () -> {
                        var status = SpecsMigrationStatus.measure(JdbcClient.create(dataSource));
                        if (status.isPresent() && !status.get().holds()) {
                            throw new IllegalStateException(status.get().describe());
                        }
                        return status.map(SpecsMigrationStatus::describe).orElse("none for this migration");
                    });
                }
                ok = ok
                        && step(
                                steps,
                                out,
                                "V" + migration.getVersion() + " " + kind.label() + " " + migration.getDescription(),
                                () -> {
                                    migrator.apply(scratchFlyway, migration.getVersion());
                                    return "applied";
                                });
                if (!ok) {
                    break;
                }
            }
            if (ok) {
                ok = step(steps, out, "start this release and smoke it", () -> smoke(scratch));
            }
            out.println();
            out.println("Rehearsal " + (ok ? "PASSED" : "FAILED") + ":");
            steps.forEach(p -> out.println(p.line()));
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
        try (var app = new SpringApplicationBuilder(applicationClass(context))
                .initializers(context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new MapPropertySource("inventarioRehearsal", rehearsal)))
                .run()) {
            int actual = ((WebServerApplicationContext) app).getWebServer().getPort();
            // Signed in: a temporary smoke user, created on the scratch copy only and removed afterwards.
            String email = "smoke-" + UUID.randomUUID() + "@rehearsal.invalid";
            String password = "Sm0ke-" + UUID.randomUUID();
            // Straight into the table (ops works on the whole database; asking usuarios would be a cycle),
            // hashed by the application's own encoder, with the read-only role.
            JdbcClient scratchJdbc = JdbcClient.create(app.getBean(javax.sql.DataSource.class));
            scratchJdbc
                    .sql("INSERT INTO usuarios (nombre, email, rol, password_hash, demo)"
                            + " VALUES ('Rehearsal smoke (temporary)', :email, 'LECTOR', :hash, false)")
                    .param("email", email)
                    .param(
                            "hash",
                            app.getBean(org.springframework.security.crypto.password.PasswordEncoder.class)
                                    .encode(password))
                    .update();
            SmokeReport report;
            try {
                report = SmokeService.run(new SmokeOptions(
                        URI.create("http://127.0.0.1:" + actual),
                        null,
                        email,
                        password,
                        false,
                        Duration.ofSeconds(10)));
            } finally {
                scratchJdbc
                        .sql("DELETE FROM usuarios WHERE email = :email")
                        .param("email", email)
                        .update();
            }
            if (!report.ok()) {
                throw new IllegalStateException("smoke failed: " + report.failed());
            }
            boolean signedIn = report.checks().stream()
                    .anyMatch(c -> c.name().equals("login") && c.status() == SmokeReport.Status.OK);
            if (!signedIn) {
                throw new IllegalStateException("smoke did not sign in: " + report.checks());
            }
            return report.checks().size() + " checks, signed in as a temporary smoke user (removed afterwards)";
        }
    }

    private interface Action {
        String run() throws Exception;
    }

    private static boolean step(List<Step> steps, PrintWriter out, String name, Action action) {
        long start = System.nanoTime();
        try {
            String detail = action.run();
            steps.add(new Step(name, true, Duration.ofNanos(System.nanoTime() - start), detail));
            return true;
        } catch (Exception e) {
            steps.add(
                    new Step(name, false, Duration.ofNanos(System.nanoTime() - start), String.valueOf(e.getMessage())));
            return false;
        } finally {
            out.println(steps.get(steps.size() - 1).line());
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
