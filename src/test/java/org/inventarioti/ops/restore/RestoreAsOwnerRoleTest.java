package org.inventarioti.ops.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.inventarioti.ops.OpsFixtures.execute;
import static org.inventarioti.ops.OpsFixtures.scalar;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.inventarioti.config.Database;
import org.inventarioti.ops.OpsFixtures;
import org.inventarioti.ops.archive.BackupProgress;
import org.inventarioti.ops.archive.BackupService;
import org.inventarioti.ops.release.MigrationScripts;
import org.inventarioti.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restore as the role ops/provision_secrets.md sets up: it owns its database and is not superuser.
 * pg_trgm, a trusted extension it created, has functions owned by the superuser (set_limit), which
 * the restore must leave in place. The database is at the original's production state: V2.1 with
 * data, the later expand migrations applied and V3 still pending (an out-of-order history).
 */
class RestoreAsOwnerRoleTest {

    @TempDir
    Path dir;

    @Test
    void theOwnerRoleRestoresAnOutOfOrderHistoryWithPgTrgmInPlace() throws Exception {
        TestDatabase server = TestDatabase.get();
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String role = "inventario_owner_" + suffix;
        String name = "inventario_test_owner_" + suffix;
        String password = "owner-" + suffix;
        try (Connection admin = server.connect("postgres")) {
            execute(
                    admin,
                    "CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '" + password + "'");
            execute(admin, "CREATE DATABASE " + name + " OWNER " + role);
            try {
                Database owner = new Database(server.jdbcUrl(name).replaceFirst("\\?.*$", ""), role, password);
                check(owner);
            } finally {
                execute(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                execute(admin, "DROP ROLE IF EXISTS " + role);
            }
        }
    }

    private void check(Database owner) throws Exception {
        try (Connection connection = owner.connect()) {
            assertThat(scalar(connection, "SELECT count(*) FROM pg_roles WHERE rolname = current_user AND rolsuper"))
                    .isZero();
            Flyway flyway = Flyway.configure()
                    .dataSource(owner.url(), owner.user(), owner.password())
                    .locations("classpath:db/migration")
                    .outOfOrder(true)
                    .target("2.1")
                    .load();
            flyway.migrate();
            execute(connection, "INSERT INTO categorias (nombre) VALUES ('Laptop legado')");
            execute(connection, """
                    INSERT INTO activos (codigo, categoria_id, nombre, numero_serie, especificaciones)
                    SELECT 'LEG-' || g, (SELECT min(id) FROM categorias), 'Equipo ' || g, 'SN-LEG-' || g,
                           CASE WHEN g % 4 = 0 THEN 'not json {' ELSE '{"ram": "' || g || 'GB"}' END
                    FROM generate_series(1, 40) g""");
            MigrationScripts.withoutContracts(Flyway.configure()
                            .configuration(flyway.getConfiguration())
                            .target("latest")
                            .load())
                    .migrate();
            assertThat(scalar(connection, "SELECT count(*) FROM flyway_schema_history WHERE version = '3'"))
                    .isZero();
            assertThat(scalar(
                            connection,
                            "SELECT count(*) FROM pg_proc p JOIN pg_roles r ON r.oid = p.proowner"
                                    + " WHERE p.proname = 'set_limit' AND r.rolsuper"))
                    .as("pg_trgm's functions belong to the superuser")
                    .isEqualTo(1);
            String history = history(connection);
            var before = OpsFixtures.contentHashes(connection);

            Path archive = BackupService.standalone()
                    .backup(owner, false, dir, BackupProgress.NONE)
                    .archive();
            execute(connection, "DELETE FROM activos WHERE codigo = 'LEG-7'");
            execute(connection, "INSERT INTO categorias (nombre) VALUES ('after the backup')");

            StringWriter log = new StringWriter();
            RestoreReport report = RestoreService.standalone()
                    .restore(archive, owner, new RestoreOptions(true, false, dir.resolve("pre")), new PrintWriter(log));

            assertThat(report.countsMatch()).as(log.toString()).isTrue();
            assertThat(report.pendingContract()).singleElement().asString().startsWith("V3");
            assertThat(OpsFixtures.contentHashes(connection)).isEqualTo(before);
            assertThat(history(connection)).isEqualTo(history);
            assertThat(scalar(
                            connection,
                            "SELECT count(*) FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
                                    + " WHERE e.extname = 'pg_trgm' AND n.nspname = 'public'"))
                    .isEqualTo(1);
            assertThat(scalar(
                            connection,
                            "SELECT count(*) FROM activos WHERE activos_texto(nombre, marca, modelo, numero_serie,"
                                    + " codigo, responsable, notas) LIKE '%equipo 1%'"))
                    .isEqualTo(11);
            assertThat(scalar(connection, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'inventario_restore%'"))
                    .isZero();
            execute(connection, "UPDATE activos SET especificaciones = '{\"ram\": \"64GB\"}' WHERE codigo = 'LEG-8'");
            assertThat(
                            scalar(
                                    connection,
                                    "SELECT count(*) FROM activos WHERE codigo = 'LEG-8' AND especificaciones_json->>'ram' = '64GB'"))
                    .as("the V2 sync triggers work after the swap")
                    .isEqualTo(1);
        }
    }

    private static String history(Connection connection) throws Exception {
        StringBuilder text = new StringBuilder();
        try (var rs = connection
                .createStatement()
                .executeQuery("SELECT version, script, checksum FROM flyway_schema_history ORDER BY installed_rank")) {
            while (rs.next()) {
                text.append(rs.getString(1))
                        .append(' ')
                        .append(rs.getString(2))
                        .append(' ')
                        .append(rs.getString(3))
                        .append('\n');
            }
        }
        return text.toString();
    }
}
