package org.inventarioti.ops.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.inventarioti.support.CatalogDump;
import org.inventarioti.support.EstadoV2;
import org.inventarioti.support.TestDatabase;
import org.inventarioti.support.UltimaMigracion;
import org.junit.jupiter.api.Test;

/** The start-up policy, the time-outs and retries, and guarantee 2 on real databases. */
class MigratorTest {

    private static final MigrateProperties RAPIDO =
            new MigrateProperties(Duration.ofMillis(400), Duration.ofMinutes(1), 1, Duration.ofMillis(200));

    private static Flyway flyway(TestDatabase.Scratch db, MigrateProperties properties, String... locations) {
        TestDatabase server = TestDatabase.get();
        FluentConfiguration configuration = Flyway.configure()
                .dataSource(db.jdbcUrl(), server.user(), server.password())
                .locations(locations.length == 0 ? new String[] {"classpath:db/migration"} : locations)
                .cleanDisabled(true)
                .validateOnMigrate(true);
        new SafeFlyway(properties).customize(configuration);
        return configuration.load();
    }

    private static String version(Flyway flyway) {
        return flyway.info().current().getVersion().getVersion();
    }

    @Test
    void anEmptyDatabaseGetsEverythingAtStartUp() throws Exception {
        try (var db = TestDatabase.get().scratch()) {
            Flyway flyway = flyway(db, RAPIDO);
            new Migrator(RAPIDO).onStartup(flyway);
            assertThat(flyway.info().pending()).isEmpty();
            assertThat(Migrator.holdsData(flyway.getConfiguration().getDataSource()))
                    .isFalse();
        }
    }

    @Test
    void aPendingContractOnADatabaseWithDataWaitsWhileEveryExpandMigrationRunsAndRunsLaterOutOfOrder()
            throws Exception {
        try (var db = TestDatabase.get().scratch();
                Connection connection = db.connect()) {
            EstadoV2.crear(connection, db.jdbcUrl(), "2", 3);
            Flyway flyway = flyway(db, RAPIDO);
            new Migrator(RAPIDO).onStartup(flyway);

            assertThat(version(flyway)).as("the expand ones after V3 ran too").isEqualTo(UltimaMigracion.version());
            assertThat(flyway.info().pending())
                    .extracting(m -> m.getVersion().getVersion())
                    .containsExactly("3");
            assertThat(columnType(connection)).as("still the V2 shape").isEqualTo("text");

            new Migrator(RAPIDO).apply(flyway, null);
            assertThat(flyway.info().pending()).isEmpty();
            assertThat(columnType(connection)).isEqualTo("jsonb");
            assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        }
    }

    private static String columnType(Connection connection) throws Exception {
        try (var rs = connection
                .createStatement()
                .executeQuery("SELECT data_type FROM information_schema.columns WHERE table_schema = 'public'"
                        + " AND table_name = 'activos' AND column_name = 'especificaciones'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aV2DatabaseWithoutDataGetsEverything() throws Exception {
        try (var db = TestDatabase.get().scratch()) {
            EstadoV2.flyway(db.jdbcUrl(), "2").migrate();
            Flyway flyway = flyway(db, RAPIDO);
            new Migrator(RAPIDO).onStartup(flyway);
            assertThat(flyway.info().pending()).isEmpty();
        }
    }

    @Test
    void aFailedMigrationLeavesSchemaAndHistoryExactlyAsBefore() throws Exception {
        try (var db = TestDatabase.get().scratch();
                Connection connection = db.connect()) {
            EstadoV2.crear(connection, db.jdbcUrl(), "2", 5);
            flyway(db, RAPIDO).migrate();
            String before = CatalogDump.of(connection);
            Flyway failing = flyway(db, RAPIDO, "classpath:db/migration", "classpath:db/test-falla");

            assertThatThrownBy(() -> new Migrator(RAPIDO).apply(failing, null))
                    .isInstanceOf(FlywayException.class)
                    .hasMessageContaining("injected migration failure");

            assertThat(CatalogDump.of(connection)).isEqualTo(before);
            assertThat(before).contains("history ").doesNotContain("falla_inyectada");
        }
    }

    @Test
    void aLockHeldElsewhereMakesTheMigrationGiveUpWithoutStallingOtherQueries() throws Exception {
        try (var db = TestDatabase.get().scratch();
                Connection holder = db.connect();
                Connection reader = db.connect()) {
            EstadoV2.crear(holder, db.jdbcUrl(), "2.1", 5);
            String before = CatalogDump.of(holder);
            holder.setAutoCommit(false);
            holder.createStatement().execute("SELECT count(*) FROM activos");

            long start = System.nanoTime();
            CompletableFuture<Throwable> migration = CompletableFuture.supplyAsync(() -> {
                try {
                    new Migrator(RAPIDO).apply(flyway(db, RAPIDO), null);
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            Thread.sleep(150);
            long readStart = System.nanoTime();
            reader.createStatement().execute("SELECT count(*) FROM activos");
            long readMillis = (System.nanoTime() - readStart) / 1_000_000;

            Throwable failure = migration.get(30, TimeUnit.SECONDS);
            long migrationMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(failure)
                    .isInstanceOf(Migrator.MigrationAbandonedException.class)
                    .hasMessageContaining("gave up after 2 attempts")
                    .hasMessageContaining("held by session " + holderPid(holder))
                    .hasMessageContaining("on activos")
                    .hasMessageContaining("SELECT count(*) FROM activos")
                    .hasMessageContaining("pg_terminate_backend")
                    .hasMessageNotContaining("canceling statement");
            assertThat(failure)
                    .as("a domain refusal: the CLI prints its words, not the PostgreSQL text underneath")
                    .isInstanceOf(org.inventarioti.errors.DomainException.class);
            assertThat(readMillis).as("reader queued at most one lock timeout").isLessThan(1500);
            assertThat(migrationMillis).as("2 x 400 ms + 200 ms pause + start").isLessThan(10_000);
            holder.rollback();
            assertThat(CatalogDump.of(holder)).isEqualTo(before);
        }
    }

    @Test
    void aLockReleasedWhileWaitingIsRetriedAndTheMigrationSucceeds() throws Exception {
        var retrying = new MigrateProperties(Duration.ofMillis(300), Duration.ofMinutes(1), 5, Duration.ofMillis(200));
        try (var db = TestDatabase.get().scratch();
                Connection holder = db.connect()) {
            EstadoV2.crear(holder, db.jdbcUrl(), "2.1", 5);
            holder.setAutoCommit(false);
            holder.createStatement().execute("SELECT count(*) FROM activos");
            CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(900);
                    holder.rollback();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Flyway flyway = flyway(db, retrying);
            new Migrator(retrying).apply(flyway, null);
            release.join();
            assertThat(flyway.info().pending()).isEmpty();
        }
    }

    private static int holderPid(Connection connection) throws java.sql.SQLException {
        try (var rs = connection.createStatement().executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void aSessionHoldingNoLockIsNotListedAndOneOnActivosIs() throws Exception {
        try (var db = TestDatabase.get().scratch();
                Connection holder = db.connect()) {
            EstadoV2.crear(holder, db.jdbcUrl(), "2.1", 1);
            var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(TestDataSource.of(db));
            assertThat(LockHolders.on(jdbc, "activos")).isEmpty();
            holder.setAutoCommit(false);
            holder.createStatement().execute("SELECT count(*) FROM activos");
            assertThat(LockHolders.on(jdbc, "activos"))
                    .singleElement()
                    .asString()
                    .startsWith("session " + holderPid(holder) + " ")
                    .contains("idle in transaction");
            assertThat(LockHolders.on(jdbc, "categorias")).isEmpty();
            holder.rollback();
            assertThat(LockHolders.on(jdbc, "activos")).isEmpty();
        }
    }

    @Test
    void theLockTimeoutIsRecognisedThroughFlywaysWrapping() {
        var sql = new java.sql.SQLException("canceling statement due to lock timeout", Migrator.LOCK_NOT_AVAILABLE);
        assertThat(Migrator.isLockTimeout(new FlywayException("Migration failed", sql)))
                .isTrue();
        assertThat(Migrator.isLockTimeout(new FlywayException("syntax error", new java.sql.SQLException("x", "42601"))))
                .isFalse();
    }
}
