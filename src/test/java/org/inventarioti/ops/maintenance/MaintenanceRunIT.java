package org.inventarioti.ops.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.inventarioti.ops.migrate.AdvisoryLock;
import org.inventarioti.ops.release.Release;
import org.inventarioti.ops.release.Releases;
import org.inventarioti.support.CatalogDump;
import org.inventarioti.support.EstadoV2;
import org.inventarioti.support.Processes;
import org.inventarioti.support.TestDatabase;
import org.inventarioti.support.releases.ProductionHost;
import org.inventarioti.support.releases.ReleaseJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * ops/run_full_maintenance.sh end to end, with two real releases and the stand-in systemctl: a dry
 * run that changes nothing, the V2 -> V3 window, an injected migration failure (schema and history
 * byte-identical, previous release serving), an injected smoke failure after the switch (backup
 * restored, previous release back) and a refused concurrent run.
 */
class MaintenanceRunIT {

    private static final Duration RUN = Duration.ofMinutes(8);
    private static final int VALIDOS = 50;

    private static long count(Connection connection, String sql) throws Exception {
        try (var rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String data(Connection connection) throws Exception {
        try (var rs = connection
                .createStatement()
                .executeQuery(
                        "SELECT md5(coalesce(string_agg(to_jsonb(a)::text, ',' ORDER BY id), '')) FROM activos a")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String schemaOnly(String dump) {
        return dump.lines().filter(line -> !line.startsWith("history ")).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void theWholeWindowWithItsRollbacks(@TempDir Path home) throws Exception {
        TestDatabase server = TestDatabase.get();
        try (var db = server.scratch();
                Connection connection = db.connect();
                var host = new ProductionHost(home, db)) {
            EstadoV2.crear(connection, db.jdbcUrl(), "2", VALIDOS);
            Releases releases = new Releases(host.root());
            Release legacy = releases.install(Processes.JAR);
            releases.writeLauncher();
            releases.promote(legacy);
            Path next = ReleaseJars.relabel(home.resolve("build/next/inventario.jar"), "0.9.1-next", Map.of());

            var expand = host.run(Duration.ofMinutes(2), "java", "-jar", Processes.JAR.toString(), "migrate", "apply");
            assertThat(expand.exit()).as(expand.output()).isZero();
            assertThat(count(connection, "SELECT count(*) FROM flyway_schema_history WHERE version IN ('2.1', '4')"))
                    .as("the expand migrations on both sides of V3 ran, as at a release's start")
                    .isEqualTo(2);
            assertThat(count(connection, "SELECT count(*) FROM flyway_schema_history WHERE version = '3'"))
                    .as("the contract waits for the window")
                    .isZero();

            String dump = CatalogDump.of(connection);
            String rows = data(connection);
            String tree = host.tree();
            var dry = host.run(RUN, "ops/run_full_maintenance.sh", next.toString(), "--dry-run");
            assertThat(dry.exit()).as(dry.output()).isZero();
            assertThat(dry.output())
                    .contains("OK       preflight")
                    .contains("PLANNED  maintenance on")
                    .contains("PLANNED  backup")
                    .contains("PLANNED  migrate")
                    .contains("migrate apply --contract")
                    .contains("PLANNED  switch")
                    .contains("nothing was changed");
            assertThat(host.tree()).as("dry run: file tree").isEqualTo(tree);
            assertThat(CatalogDump.of(connection)).as("dry run: schema").isEqualTo(dump);
            assertThat(data(connection)).as("dry run: data").isEqualTo(rows);

            var window = host.run(RUN, "ops/run_full_maintenance.sh", next.toString());
            assertThat(window.exit()).as(window.output() + host.serviceLog()).isZero();
            assertThat(window.output()).contains("DONE: 0.9.1-next is current and serving");
            assertThat(host.current()).isEqualTo("0.9.1-next");
            assertThat(host.healthz()).contains("\"version\":\"0.9.1-next\"", "\"maintenance\":\"off\"");
            assertThat(count(connection, "SELECT count(*) FROM flyway_schema_history WHERE version = '3'"))
                    .isEqualTo(1);
            assertThat(count(connection, "SELECT count(*) FROM activos WHERE especificaciones ? 'cpu'"))
                    .as("every valid text converted")
                    .isEqualTo(VALIDOS);
            assertThat(count(connection, "SELECT count(*) FROM activos WHERE especificaciones = '{}'"))
                    .isEqualTo(EstadoV2.invalidos() + 2);
            assertThat(count(connection, "SELECT count(*) FROM especificaciones_cuarentena WHERE resuelto_en IS NULL"))
                    .as("every invalid text kept in quarantine")
                    .isEqualTo(EstadoV2.invalidos());
            assertThat(count(connection, "SELECT count(*) FROM ops_modo_mantenimiento"))
                    .isZero();
            assertThat(count(connection, "SELECT count(*) FROM ops_backup_verificaciones WHERE restore_test"))
                    .isEqualTo(1);
            try (var journals = Files.list(host.root().resolve("journal"))) {
                String journal = Files.readString(journals.findFirst().orElseThrow());
                assertThat(journal).contains("OK       backup", "OK       migrate", "OK       smoke", "SUMMARY DONE");
            }

            Path failing = ReleaseJars.relabel(
                    home.resolve("build/falla/inventario.jar"),
                    "0.9.2-falla",
                    ReleaseJars.migration("db/test-falla/V900__contract_falla_inyectada.sql"));
            String before = CatalogDump.of(connection);
            rows = data(connection);
            var migrationFails = host.run(RUN, "ops/run_full_maintenance.sh", failing.toString());
            assertThat(migrationFails.exit()).as(migrationFails.output()).isEqualTo(1);
            assertThat(migrationFails.output())
                    .contains("FAILED   migrate")
                    .contains("injected migration failure")
                    .contains("SKIPPED  rollback: restore")
                    .contains("ROLLED BACK");
            assertThat(CatalogDump.of(connection))
                    .as("schema and history byte-identical")
                    .isEqualTo(before);
            assertThat(data(connection)).isEqualTo(rows);
            assertThat(host.current()).isEqualTo("0.9.1-next");
            assertThat(host.healthz())
                    .contains("\"version\":\"0.9.1-next\"", "\"status\":\"ok\"", "\"maintenance\":\"off\"");

            Map<String, byte[]> brokenFiles = new LinkedHashMap<>(ReleaseJars.smokeBreaker());
            brokenFiles.putAll(ReleaseJars.migration("db/test-contract/V901__contract_columna_prueba.sql"));
            Path broken = ReleaseJars.relabel(home.resolve("build/rota/inventario.jar"), "0.9.3-rota", brokenFiles);
            var smokeFails = host.run(RUN, "ops/run_full_maintenance.sh", broken.toString());
            assertThat(smokeFails.exit()).as(smokeFails.output()).isEqualTo(1);
            assertThat(smokeFails.output())
                    .contains("OK       migrate")
                    .contains("FAILED   smoke")
                    .contains("OK       rollback: restore")
                    .contains("OK       rollback: smoke")
                    .contains("ROLLED BACK");
            assertThat(schemaOnly(CatalogDump.of(connection)))
                    .as("backup restored")
                    .isEqualTo(schemaOnly(before));
            assertThat(count(connection, "SELECT count(*) FROM flyway_schema_history WHERE version = '901'"))
                    .isZero();
            assertThat(data(connection)).isEqualTo(rows);
            assertThat(host.current()).isEqualTo("0.9.1-next");
            assertThat(host.root().resolve("candidate")).doesNotExist();
            assertThat(host.healthz()).contains("\"version\":\"0.9.1-next\"", "\"status\":\"ok\"");

            String treeBefore = host.tree().replaceAll("(?m)^journal.*\n?", "");
            var dataSource = new DriverManagerDataSource(db.jdbcUrl(), server.user(), server.password());
            try (var held = AdvisoryLock.tryTake(dataSource, AdvisoryLock.MAINTENANCE_RUN)
                    .orElseThrow()) {
                var concurrent = host.run(RUN, "ops/run_full_maintenance.sh", next.toString());
                assertThat(concurrent.exit()).isEqualTo(1);
                assertThat(concurrent.output()).contains("another deploy or maintenance run holds the database lock");
            }
            assertThat(host.tree().replaceAll("(?m)^journal.*\n?", "")).isEqualTo(treeBefore);
            assertThat(count(connection, "SELECT count(*) FROM ops_modo_mantenimiento"))
                    .isZero();
        }
    }
}
