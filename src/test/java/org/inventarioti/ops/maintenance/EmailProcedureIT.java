package org.inventarioti.ops.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.inventarioti.ops.ExternalServer;
import org.inventarioti.ops.migrate.AdvisoryLock;
import org.inventarioti.support.EstadoV2;
import org.inventarioti.support.Processes;
import org.inventarioti.support.releases.ProductionHost;
import org.inventarioti.support.releases.ReleaseJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The seed email's procedure, in its order, on the production it describes: the original's V2.1
 * database with data (the final migration not yet run), on the machine's PostgreSQL, reached as a
 * role that owns its database and is not superuser; a release directory and the stand-in systemd.
 * (1) staging restore + signed-in smoke, (2) preflight, (3) dry runs, then backup -> deploy (the
 * first {@code current}) -> final migration -> smoke. Before the good window, each failure the
 * playbook promises to survive: V3's precondition broken, a foreign lock held past the lock
 * timeout, a new release failing its smoke after a contract, a concurrent run. Each ends with a
 * release serving, maintenance off, schema and {@code flyway_schema_history} byte-identical, the
 * same rows, and the exit code and words of the playbook. Last, the next window with
 * {@code ops/run_full_maintenance.sh}: a later release switched to (this replaced MaintenanceRunIT).
 */
class EmailProcedureIT {

    private static final Duration RUN = Duration.ofMinutes(8);
    private static final int VALIDOS = 60;
    private static final String SMOKE_USER = "smoke@ops.invalid";
    private static final String SMOKE_PASSWORD = "Smoke-only-in-this-test-42";

    @TempDir
    Path home;

    @Test
    void theEmailsProcedureInItsOrderAndEachFailureEndsWithAReleaseServing() throws Exception {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String role = "inventario_app_" + suffix;
        String password = "app-" + suffix;
        String name = "inventario_test_email_" + suffix;
        try (Connection admin = ExternalServer.connect("postgres")) {
            sql(
                    admin,
                    "CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '" + password + "'");
            sql(admin, "CREATE DATABASE " + name + " OWNER " + role);
            try (var staging = ExternalServer.create()) {
                procedure(name, role, password, staging);
            } finally {
                sql(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                sql(admin, "DROP ROLE IF EXISTS " + role);
            }
        }
    }

    private void procedure(String name, String role, String password, ExternalServer.Scratch staging) throws Exception {
        String url = "jdbc:postgresql://" + ExternalServer.HOST + ":" + ExternalServer.PORT + "/" + name;
        try (Connection db = java.sql.DriverManager.getConnection(url, role, password);
                Connection reader = ExternalServer.connect(name)) {
            EstadoV2.crear(
                    db,
                    Flyway.configure()
                            .dataSource(url, role, password)
                            .locations("classpath:db/migration")
                            .target("2.1")
                            .load(),
                    VALIDOS);
            ProductionHost host = ProductionHost.on(
                    home,
                    Map.of(
                            "DB_HOST", ExternalServer.HOST,
                            "DB_PORT", Integer.toString(ExternalServer.PORT),
                            "DB_NAME", name,
                            "DB_USER", role,
                            "DB_PASS", password));
            try (host) {
                // (1) Restore production's dump into staging and smoke it, signed in.
                var dump = host.run(
                        RUN, "ops/backup.sh", "--output", home.resolve("dump").toString(), "--no-verify");
                assertThat(dump.exit()).as(dump.output()).isZero();
                Path archive;
                try (var files = Files.list(home.resolve("dump"))) {
                    archive = files.filter(f -> f.toString().endsWith(".zip"))
                            .findFirst()
                            .orElseThrow();
                }
                var restored = Processes.run(
                        List.of("ops/staging_restore.sh", archive.toString(), staging.jdbcUrl(), "--port", "18474"),
                        Map.of(
                                "DB_USER",
                                ExternalServer.USER,
                                "INVENTARIO_DATA_DIR",
                                home.resolve("staging").toString()),
                        RUN);
                assertThat(restored.exit()).as(restored.output()).isZero();
                assertThat(restored.output())
                        .containsPattern("Smoke user smoke-[0-9a-f]{16}@staging.invalid removed")
                        .doesNotContain("FAILED");

                // (2) Secrets provisioned: preflight. (3) The deploy's dry run changes nothing.
                var preflight = host.run(RUN, "bin/inventario", "preflight");
                assertThat(preflight.exit()).as(preflight.output()).isZero();
                Snapshot pristine = Snapshot.of(db, host);
                var deployDry = host.run(RUN, "deploy/remote_deploy.sh", Processes.JAR.toString(), "--dry-run");
                assertThat(deployDry.exit()).as(deployDry.output()).isZero();
                pristine.assertUnchanged(db, host, "deploy dry run");

                // Backup, then deploy: the first `current`, serving the V2.1 database as it is.
                var backup = host.run(
                        RUN,
                        "ops/backup.sh",
                        "--output",
                        home.resolve("pre-deploy").toString());
                assertThat(backup.exit()).as(backup.output()).isZero();
                var deploy = host.run(RUN, "deploy/remote_deploy.sh", Processes.JAR.toString());
                assertThat(deploy.exit())
                        .as(deploy.output() + host.serviceLog())
                        .isZero();
                String version = host.current();
                assertThat(host.healthz()).contains("\"status\":\"ok\"", "\"maintenance\":\"off\"");
                assertThat(count(db, "SELECT count(*) FROM flyway_schema_history WHERE version = '3'"))
                        .as("the final migration waits for the window")
                        .isZero();
                var smokeAccount = host.with("SMOKE_PW", SMOKE_PASSWORD)
                        .run(
                                RUN,
                                "bin/inventario",
                                "usuarios",
                                "crear-admin",
                                "--email",
                                SMOKE_USER,
                                "--password-env",
                                "SMOKE_PW");
                assertThat(smokeAccount.exit()).as(smokeAccount.output()).isZero();
                host.with("INVENTARIO_SMOKE_USER", SMOKE_USER).with("INVENTARIO_SMOKE_PASSWORD", SMOKE_PASSWORD);

                // The window's dry runs print each precondition and change nothing.
                Snapshot deployed = Snapshot.of(db, host);
                var finalDry = host.run(RUN, "ops/execute_final_migration.sh", "--dry-run");
                assertThat(finalDry.exit()).as(finalDry.output()).isZero();
                assertThat(finalDry.output()).contains("OK       preflight", "nothing was changed");
                deployed.assertUnchanged(db, host, "final migration dry run");

                // Failure 1: V3's precondition broken -> refused before anything stops.
                sql(
                        reader,
                        "UPDATE especificaciones_cuarentena SET resuelto_en = now()" + " WHERE texto_original = '"
                                + EstadoV2.INVALIDOS[0] + "'");
                Snapshot broken = Snapshot.of(db, host);
                var refused = host.run(RUN, "ops/execute_final_migration.sh");
                assertThat(refused.exit()).as(refused.output()).isEqualTo(1);
                assertThat(refused.output()).contains("REFUSED").doesNotContain("OK       backup");
                broken.assertUnchanged(db, host, "precondition refused");
                assertServing(host, version);
                sql(
                        reader,
                        "UPDATE especificaciones_cuarentena SET resuelto_en = NULL" + " WHERE texto_original = '"
                                + EstadoV2.INVALIDOS[0] + "'");

                // Failure 2: a report holds activos after the backup, past the migration's lock timeout.
                Snapshot before = Snapshot.of(db, host);
                Processes.Result abandoned;
                try (var holder = new ForeignReader(name, host.root().resolve("journal"))) {
                    abandoned = host.run(RUN, "ops/execute_final_migration.sh");
                    assertThat(holder.held())
                            .as("the report took its lock after the backup")
                            .isTrue();
                }
                assertThat(abandoned.exit()).as(abandoned.output()).isEqualTo(1);
                assertThat(abandoned.output())
                        .contains("FAILED   migrate", "informe-mensual", "SKIPPED  rollback: restore", "ROLLED BACK");
                before.assertUnchanged(db, host, "lock time-out");
                assertServing(host, version);

                // Failure 3: a new release applies V3 and a later contract, then fails its smoke.
                Map<String, byte[]> files = new LinkedHashMap<>(ReleaseJars.smokeBreaker());
                files.putAll(ReleaseJars.migration("db/test-contract/V901__contract_columna_prueba.sql"));
                Path rota = ReleaseJars.relabel(home.resolve("build/rota/inventario.jar"), "0.9.3-rota", files);
                var smokeFails = host.run(RUN, "ops/run_full_maintenance.sh", rota.toString());
                assertThat(smokeFails.exit()).as(smokeFails.output()).isEqualTo(1);
                assertThat(smokeFails.output())
                        .contains("OK       migrate", "FAILED   smoke", "OK       rollback: restore", "ROLLED BACK");
                before.assertUnchanged(db, host, "smoke failed after a contract", "0.9.3-rota");
                assertServing(host, version);

                // A concurrent run is refused and changes nothing.
                var lock = new DriverManagerDataSource(url, role, password);
                try (var held =
                        AdvisoryLock.tryTake(lock, AdvisoryLock.MAINTENANCE_RUN).orElseThrow()) {
                    var concurrent = host.run(RUN, "ops/execute_final_migration.sh");
                    assertThat(concurrent.exit()).isEqualTo(1);
                    assertThat(concurrent.output())
                            .contains("another deploy or maintenance run holds the database lock");
                }
                before.assertUnchanged(db, host, "concurrent run", "0.9.3-rota");

                // The final migration, as the email's last command, then the smoke.
                var window = host.run(RUN, "ops/execute_final_migration.sh");
                assertThat(window.exit())
                        .as(window.output() + host.serviceLog())
                        .isZero();
                assertThat(window.output()).contains("OK       backup", "OK       migrate", "OK       smoke");
                assertThat(count(db, "SELECT count(*) FROM flyway_schema_history WHERE version = '3'"))
                        .isEqualTo(1);
                assertThat(count(db, "SELECT count(*) FROM activos WHERE especificaciones ? 'cpu'"))
                        .as("every valid text converted")
                        .isEqualTo(VALIDOS);
                assertThat(count(db, "SELECT count(*) FROM especificaciones_cuarentena WHERE resuelto_en IS NULL"))
                        .as("every invalid text kept in quarantine")
                        .isEqualTo(EstadoV2.invalidos());
                assertThat(Snapshot.of(db, host).rows()).isEqualTo(before.rows());
                assertServing(host, version);
                var smoke = host.run(RUN, "ops/smoke_tests.sh", host.url());
                assertThat(smoke.exit()).as(smoke.output()).isZero();

                // The next window: a later release through ops/run_full_maintenance.sh, dry run first.
                Path next = ReleaseJars.relabel(home.resolve("build/next/inventario.jar"), "0.9.4-next", Map.of());
                Snapshot done = Snapshot.of(db, host);
                var planned = host.run(RUN, "ops/run_full_maintenance.sh", next.toString(), "--dry-run");
                assertThat(planned.exit()).as(planned.output()).isZero();
                assertThat(planned.output())
                        .contains("PLANNED  maintenance on", "PLANNED  backup", "PLANNED  prepare migrate")
                        .contains("PLANNED  migrate", "PLANNED  switch", "nothing was changed");
                done.assertUnchanged(db, host, "run dry run");
                var upgrade = host.run(RUN, "ops/run_full_maintenance.sh", next.toString());
                assertThat(upgrade.exit())
                        .as(upgrade.output() + host.serviceLog())
                        .isZero();
                assertThat(upgrade.output())
                        .contains("OK       prepare migrate", "DONE: 0.9.4-next is current and serving");
                assertServing(host, "0.9.4-next");
                assertThat(Snapshot.of(db, host).rows()).isEqualTo(done.rows());
            }
        }
    }

    private static void assertServing(ProductionHost host, String version) throws Exception {
        assertThat(host.current()).isEqualTo(version);
        assertThat(host.root().resolve("candidate")).doesNotExist();
        assertThat(host.healthz())
                .contains("\"version\":\"" + version + "\"", "\"status\":\"ok\"", "\"maintenance\":\"off\"");
    }

    static long count(Connection connection, String sql) throws Exception {
        try (var rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void sql(Connection connection, String sql) throws Exception {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
