package org.inventarioti.ops.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.inventarioti.InventarioApplication;
import org.inventarioti.InventarioCli;
import org.inventarioti.cli.CliContext;
import org.inventarioti.support.CatalogDump;
import org.inventarioti.support.EstadoV2;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestDatabase;
import org.inventarioti.support.UltimaMigracion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import picocli.CommandLine;

/** {@code inventario migrate} on V2-state databases: plan changes nothing, apply keeps the gate. */
@InventarioTest
class MigrateCommandTest {

    @Autowired
    Flyway flyway;

    record Run(int exit, String out, String err) {}

    private static Run run(CliContext context, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = InventarioCli.commandLine(context);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static CliContext cli(TestDatabase.Scratch db) {
        TestDatabase server = TestDatabase.get();
        return new CliContext(
                () -> new SpringApplicationBuilder(InventarioApplication.class),
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + server.user(),
                "--spring.datasource.password=" + server.password(),
                "--inventario.data-dir=target/test-data");
    }

    private static void sql(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void flywayIsConfiguredForProduction() {
        var configuration = flyway.getConfiguration();
        assertThat(configuration.isCleanDisabled()).isTrue();
        assertThat(configuration.isBaselineOnMigrate()).isFalse();
        assertThat(configuration.isOutOfOrder())
                .as("a contract left pending while later expand ones ran is applied in the window")
                .isTrue();
        assertThat(configuration.isValidateOnMigrate()).isTrue();
        assertThat(configuration.isGroup()).as("one transaction per run").isTrue();
        assertThat(configuration.getInitSql()).contains("lock_timeout = '5000ms'", "statement_timeout = '900000ms'");
    }

    @Test
    void statusAndPlanDescribeAV2DatabaseWithoutChangingIt() throws Exception {
        try (var db = TestDatabase.get().scratch();
                Connection connection = db.connect();
                CliContext cli = cli(db)) {
            EstadoV2.crear(connection, db.jdbcUrl(), "2", 10);
            String before = CatalogDump.of(connection);

            Run status = run(cli, "migrate", "status");
            assertThat(status.exit()).isZero();
            assertThat(status.out())
                    .contains("Schema version: 2")
                    .containsPattern("V1 +expand +Success")
                    .containsPattern("V2\\.1 +expand +Pending")
                    .containsPattern("V3 +contract +Pending");

            Run plan = run(cli, "migrate", "plan");
            assertThat(plan.exit()).isZero();
            assertThat(plan.out())
                    .containsPattern("Would apply, in one transaction:\\s+V2\\.1")
                    .containsPattern("Left for a maintenance window \\(needs --contract\\):\\s+V3 ");

            Run contract = run(cli, "migrate", "plan", "--contract");
            assertThat(contract.exit()).as(contract.out()).isEqualTo(1);
            assertThat(contract.out())
                    .contains("Preconditions (especificaciones): rows 16, with text 14, converted 10, quarantined 4,"
                            + " mismatches 0, neither converted nor quarantined 0")
                    .contains("PROBLEM: contract gate closed");
            assertThat(CatalogDump.of(connection)).as("plan changes nothing").isEqualTo(before);
        }
    }

    @Test
    void applyWithoutContractRunsTheExpandOnesAroundV3AndWithContractNeedsTheRecordedGate() throws Exception {
        try (var db = TestDatabase.get().scratch();
                Connection connection = db.connect();
                CliContext cli = cli(db)) {
            EstadoV2.crear(connection, db.jdbcUrl(), "2", 10);

            Run expand = run(cli, "migrate", "apply");
            assertThat(expand.exit()).as(expand.err()).isZero();
            assertThat(expand.out()).contains("schema 2 -> " + UltimaMigracion.version());
            assertThat(run(cli, "migrate", "status").out()).containsPattern("V3 +contract +Pending");

            String before = CatalogDump.of(connection);
            Run off = run(cli, "migrate", "apply", "--contract");
            assertThat(off.exit()).isEqualTo(1);
            assertThat(off.err()).contains("maintenance mode is off");

            sql(
                    connection,
                    "INSERT INTO ops_modo_mantenimiento (titular, expira_en, activo_desde)"
                            + " VALUES ('test', now() + interval '10 minutes', now() - interval '1 minute')");
            Run noBackup = run(cli, "migrate", "apply", "--contract");
            assertThat(noBackup.err()).contains("no backup taken since maintenance mode began");

            sql(connection, verificacion("now() - interval '2 minutes'", true, true));
            sql(connection, verificacion("now()", false, true));
            sql(connection, verificacion("now()", true, false));
            Run stale = run(cli, "migrate", "apply", "--contract");
            assertThat(stale.exit())
                    .as("old, untested or miscounted backups do not open the gate")
                    .isEqualTo(1);
            assertThat(CatalogDump.of(connection)).isEqualTo(before);

            sql(connection, "UPDATE ops_modo_mantenimiento SET expira_en = now() - interval '1 second'");
            sql(connection, verificacion("now()", true, true));
            assertThat(run(cli, "migrate", "apply", "--contract").err())
                    .as("an expired flag is off")
                    .contains("maintenance mode is off");

            sql(connection, "UPDATE ops_modo_mantenimiento SET expira_en = now() + interval '10 minutes'");
            Run applied = run(cli, "migrate", "apply", "--contract");
            assertThat(applied.exit()).as(applied.err()).isZero();
            assertThat(applied.out()).contains("Contract gate: verified backup").contains("-> ");
            try (var rs = connection
                    .createStatement()
                    .executeQuery("SELECT count(*) FILTER (WHERE especificaciones ? 'cpu'),"
                            + " count(*) FILTER (WHERE especificaciones = '{}'),"
                            + " (SELECT count(*) FROM especificaciones_cuarentena) FROM activos")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(10);
                assertThat(rs.getLong(2))
                        .as("invalid, blank and NULL texts become {}")
                        .isEqualTo(6);
                assertThat(rs.getLong(3)).as("invalid texts stay in quarantine").isEqualTo(4);
            }
            Run after = run(cli, "migrate", "plan", "--contract");
            assertThat(after.out())
                    .as("what a window with the release already current reads to skip stop and start")
                    .contains("Schema version: ", "Nothing to apply.")
                    .doesNotContain("Left for a maintenance window");
        }
    }

    @Test
    void failingPreconditionsAndAConcurrentMigrationRefuseNamingTheProblem() throws Exception {
        try (var db = TestDatabase.get().scratch();
                Connection connection = db.connect();
                CliContext cli = cli(db)) {
            EstadoV2.crear(connection, db.jdbcUrl(), "2.1", 3);
            sql(connection, "ALTER TABLE activos DISABLE TRIGGER activos_sincronizar_especificaciones");
            sql(
                    connection,
                    "UPDATE activos SET especificaciones_json = '{\"cpu\": \"otro\"}' WHERE codigo = 'LEG-0000002'");
            sql(connection, "ALTER TABLE activos ENABLE TRIGGER activos_sincronizar_especificaciones");
            sql(
                    connection,
                    "INSERT INTO ops_modo_mantenimiento (titular, expira_en, activo_desde)"
                            + " VALUES ('test', now() + interval '10 minutes', now() - interval '1 minute')");
            sql(connection, verificacion("now()", true, true));
            long id = id(connection, "LEG-0000002");
            String before = CatalogDump.of(connection);

            Run plan = run(cli, "migrate", "plan", "--contract");
            assertThat(plan.exit()).isEqualTo(1);
            assertThat(plan.out()).contains("mismatches 1").contains("asset ids: [" + id + "]");
            Run refused = run(cli, "migrate", "apply", "--contract");
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.err())
                    .contains("especificaciones preconditions fail")
                    .contains("[" + id + "]");

            try (var lock = AdvisoryLock.tryTake(TestDataSource.of(db), AdvisoryLock.MIGRATE)
                    .orElseThrow()) {
                Run concurrent = run(cli, "migrate", "apply", "--contract");
                assertThat(concurrent.exit()).isEqualTo(1);
                assertThat(concurrent.err()).contains("Another migration is running");
            }
            assertThat(CatalogDump.of(connection)).as("refusals change nothing").isEqualTo(before);
        }
    }

    private static long id(Connection connection, String codigo) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT id FROM activos WHERE codigo = ?")) {
            statement.setString(1, codigo);
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static String verificacion(String creadoEn, boolean restoreTest, boolean conteos) {
        return "INSERT INTO ops_backup_verificaciones (archivo, sha256, backup_creado_en, schema_version,"
                + " restore_test, conteos_coinciden) VALUES ('test.tar', 'abc', " + creadoEn + ", '2.1', "
                + restoreTest + ", " + conteos + ")";
    }
}
