package org.inventarioti.ops.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.inventarioti.ops.release.MigrationScripts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs Flyway the safe way: to a target, retrying a lock time-out with back-off, and with the
 * start-up policy (expand migrations run; a pending contract migration on a database holding data
 * stops the start). Works on any {@link Flyway}, so scratch databases get the same treatment.
 */
@Component
public class Migrator {

    private static final Logger log = LoggerFactory.getLogger(Migrator.class);
    static final String LOCK_NOT_AVAILABLE = "55P03";

    private final MigrateProperties properties;

    Migrator(MigrateProperties properties) {
        this.properties = properties;
    }

    /**
     * The start-up policy: everything on an empty database; on one holding data every expand
     * migration, those after a pending contract included, while the contract waits for the window
     * (this release serves both sides of it).
     */
    public void onStartup(Flyway flyway) {
        Optional<MigrationInfo> contract = firstPendingContract(flyway);
        if (contract.isEmpty() || !holdsData(flyway.getConfiguration().getDataSource())) {
            apply(flyway, null);
            return;
        }
        int applied = applyExpand(flyway);
        log.info(
                "Contract migration V{} ({}) is pending: {} expand migrations applied, serving on the expand side"
                        + " until the maintenance window (`inventario maintenance run`) applies it",
                contract.get().getVersion(),
                contract.get().getScript(),
                applied);
    }

    /** Applies every pending expand migration, also those after a pending contract one, which it leaves out. */
    public int applyExpand(Flyway flyway) {
        if (expand(flyway).isEmpty()) {
            return 0;
        }
        return apply(MigrationScripts.withoutContracts(flyway), null);
    }

    static List<MigrationInfo> expand(Flyway flyway) {
        return pending(flyway).stream()
                .filter(m -> MigrationKind.of(m) == MigrationKind.EXPAND)
                .toList();
    }

    public static List<MigrationInfo> pending(Flyway flyway) {
        return Arrays.asList(flyway.info().pending());
    }

    public static Optional<MigrationInfo> firstPendingContract(Flyway flyway) {
        return pending(flyway).stream()
                .filter(m -> MigrationKind.of(m) == MigrationKind.CONTRACT)
                .findFirst();
    }

    /**
     * Migrates to {@code target} (all pending when null) in one transaction; a lock time-out is
     * retried with back-off, any other failure is thrown at once. Returns the migrations applied.
     */
    public int apply(Flyway flyway, MigrationVersion target) {
        Flyway configured = target == null
                ? flyway
                : Flyway.configure(flyway.getConfiguration().getClassLoader())
                        .configuration(flyway.getConfiguration())
                        .target(target)
                        .load();
        long pause = properties.backoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return configured.migrate().migrationsExecuted;
            } catch (FlywayException e) {
                if (!isLockTimeout(e)) {
                    throw e;
                }
                if (attempt > properties.retries()) {
                    throw new MigrationAbandonedException(
                            attempt,
                            properties.lockTimeout(),
                            LockHolders.describe(configured.getConfiguration().getDataSource()),
                            e);
                }
                log.warn(
                        "Migration could not get its locks within {} (attempt {} of {}); retrying in {} ms",
                        properties.lockTimeout(),
                        attempt,
                        properties.retries() + 1,
                        pause);
                sleep(pause);
                pause *= 2;
            }
        }
    }

    static boolean isLockTimeout(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
            if (cause.getMessage() != null && cause.getMessage().contains("lock timeout")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether any application table holds a row a user wrote: all tables but Flyway's history, the ops_* tables
     * and {@code categorias}, whose rows migrations seed (a fresh installation is still "empty").
     */
    public static boolean holdsData(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                var tables = connection
                        .createStatement()
                        .executeQuery("SELECT quote_ident(c.relname) FROM pg_class c"
                                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                                + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')"
                                + " AND c.relname NOT IN ('flyway_schema_history', 'categorias')"
                                + " AND c.relname NOT LIKE 'ops\\_%'")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            for (String table : names) {
                try (var rows =
                        connection.createStatement().executeQuery("SELECT EXISTS (SELECT 1 FROM " + table + ")")) {
                    rows.next();
                    if (rows.getBoolean(1)) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not inspect the database: " + e.getMessage(), e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry the migration", e);
        }
    }

    /**
     * The migration gave up cleanly: nothing was changed. A domain refusal, so the CLI prints this
     * message in words (what held the lock, what to do) and not PostgreSQL's "canceling statement
     * due to lock timeout" underneath it.
     */
    public static class MigrationAbandonedException extends org.inventarioti.errors.ConflictException {
        MigrationAbandonedException(int attempts, java.time.Duration lockTimeout, String holders, Throwable cause) {
            super("Migration gave up after " + attempts + " attempts: another session held a lock it needs for more"
                    + " than the lock timeout (" + lockTimeout.toMillis() + " ms) each time; " + holders
                    + ". Nothing was changed. End that session (let its transaction finish, or"
                    + " SELECT pg_terminate_backend(<session>)), then run the migration again.");
            initCause(cause);
        }
    }
}
