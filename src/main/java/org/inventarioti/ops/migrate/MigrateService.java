package org.inventarioti.ops.migrate;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.inventarioti.ops.release.MigrationScripts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@code inventario migrate}: status, plan and apply, with the contract gate and preconditions. */
@Service
public class MigrateService {

    private final Flyway flyway;
    private final Migrator migrator;
    private final JdbcClient jdbc;
    private final DataSource dataSource;

    MigrateService(Flyway flyway, Migrator migrator, JdbcClient jdbc, DataSource dataSource) {
        this.flyway = flyway;
        this.migrator = migrator;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    public record Migration(String version, String script, MigrationKind kind, String state, OffsetDateTime appliedAt) {

        static Migration of(MigrationInfo info) {
            return new Migration(
                    info.getVersion() == null ? "R" : info.getVersion().getVersion(),
                    info.getScript(),
                    MigrationKind.of(info),
                    info.getState().getDisplayName(),
                    info.getInstalledOn() == null
                            ? null
                            : info.getInstalledOn().toInstant().atOffset(java.time.ZoneOffset.UTC));
        }

        public String line() {
            return String.format(
                    "V%-6s %-8s %-10s %s%s",
                    version, kind.label(), state, script, appliedAt == null ? "" : "  (applied " + appliedAt + ")");
        }
    }

    /**
     * What {@code apply} would do: the migrations it would run, the contract ones among them, the
     * gate and the preconditions measured on the live data, and every reason it would refuse.
     */
    public record Plan(
            String currentVersion,
            List<Migration> toApply,
            List<Migration> contractExcluded,
            Optional<SpecsMigrationStatus> especificaciones,
            Optional<String> gate,
            List<String> problems) {

        public boolean includesContract() {
            return toApply.stream().anyMatch(m -> m.kind() == MigrationKind.CONTRACT);
        }
    }

    public record Result(int applied, String versionBefore, String versionAfter, Duration duration) {}

    public List<Migration> migrations() {
        return Arrays.stream(flyway.info().all()).map(Migration::of).toList();
    }

    public String currentVersion() {
        MigrationInfo current = flyway.info().current();
        return current == null || current.getVersion() == null
                ? "none"
                : current.getVersion().getVersion();
    }

    public Plan plan(boolean contract, String target) {
        MigrationVersion limit = target == null ? MigrationVersion.LATEST : MigrationVersion.fromVersion(target);
        List<Migration> run = new ArrayList<>();
        List<Migration> excluded = new ArrayList<>();
        for (MigrationInfo info : Migrator.pending(flyway)) {
            if (info.getVersion().compareTo(limit) > 0) {
                continue;
            }
            boolean isContract = MigrationKind.of(info) == MigrationKind.CONTRACT;
            (isContract && !contract ? excluded : run).add(Migration.of(info));
        }
        List<String> problems = new ArrayList<>();
        Optional<SpecsMigrationStatus> specs = Optional.empty();
        Optional<String> gate = Optional.empty();
        if (run.stream().anyMatch(m -> m.kind() == MigrationKind.CONTRACT)) {
            specs = SpecsMigrationStatus.measure(jdbc);
            specs.filter(s -> !s.holds())
                    .ifPresent(s -> problems.add("especificaciones preconditions fail: " + s.describe()));
            ContractGate.Result result = ContractGate.evaluate(jdbc);
            gate = Optional.of(result.reason());
            if (!result.open()) {
                problems.add("contract gate closed: " + result.reason());
            }
        }
        return new Plan(currentVersion(), run, excluded, specs, gate, problems);
    }

    /**
     * Applies the plan. Without {@code contract} only expand migrations run (those after a pending
     * contract too, which stays pending and runs later out of order); with it the gate and the
     * preconditions must hold. One run at a time.
     */
    public Result apply(boolean contract, String target) {
        try (AdvisoryLock lock = AdvisoryLock.tryTake(dataSource, AdvisoryLock.MIGRATE)
                .orElseThrow(() -> new IllegalStateException(
                        "Another migration is running (advisory lock " + AdvisoryLock.MIGRATE + "); nothing done"))) {
            Plan plan = plan(contract, target);
            if (!plan.problems().isEmpty()) {
                throw new IllegalStateException("Refusing to migrate: " + String.join("; ", plan.problems()));
            }
            String before = plan.currentVersion();
            long start = System.nanoTime();
            int applied = plan.toApply().isEmpty()
                    ? 0
                    : migrator.apply(
                            plan.contractExcluded().isEmpty() ? flyway : MigrationScripts.withoutContracts(flyway),
                            MigrationVersion.fromVersion(plan.toApply()
                                    .get(plan.toApply().size() - 1)
                                    .version()));
            return new Result(applied, before, currentVersion(), Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
