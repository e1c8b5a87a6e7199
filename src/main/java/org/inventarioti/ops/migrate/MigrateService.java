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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@code inventario migrate}: status, plan and apply, with the contract gate and preconditions. */
@Service
public class MigrateService {

    private final Flyway flyway;
    private final Migrator migrador;
    private final JdbcClient jdbc;
    private final DataSource dataSource;

    MigrateService(Flyway flyway, Migrator migrador, JdbcClient jdbc, DataSource dataSource) {
        this.flyway = flyway;
        this.migrador = migrador;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    public record Migracion(
            String version, String script, MigrationKind tipo, String estado, OffsetDateTime aplicadaEn) {

        static Migracion of(MigrationInfo info) {
            return new Migracion(
                    info.getVersion() == null ? "R" : info.getVersion().getVersion(),
                    info.getScript(),
                    MigrationKind.of(info),
                    info.getState().getDisplayName(),
                    info.getInstalledOn() == null
                            ? null
                            : info.getInstalledOn().toInstant().atOffset(java.time.ZoneOffset.UTC));
        }

        public String linea() {
            return String.format(
                    "V%-6s %-8s %-10s %s%s",
                    version,
                    tipo.etiqueta(),
                    estado,
                    script,
                    aplicadaEn == null ? "" : "  (applied " + aplicadaEn + ")");
        }
    }

    /**
     * What {@code apply} would do: the migrations it would run, the contract ones among them, the
     * gate and the preconditions measured on the live data, and every reason it would refuse.
     */
    public record Plan(
            String versionActual,
            List<Migracion> aEjecutar,
            List<Migracion> contractExcluidas,
            Optional<SpecsMigrationStatus> especificaciones,
            Optional<String> puerta,
            List<String> problemas) {

        public boolean incluyeContract() {
            return aEjecutar.stream().anyMatch(m -> m.tipo() == MigrationKind.CONTRACT);
        }
    }

    public record Resultado(int aplicadas, String versionAntes, String versionDespues, Duration duracion) {}

    public List<Migracion> estado() {
        return Arrays.stream(flyway.info().all()).map(Migracion::of).toList();
    }

    public String versionActual() {
        MigrationInfo current = flyway.info().current();
        return current == null || current.getVersion() == null
                ? "none"
                : current.getVersion().getVersion();
    }

    public Plan plan(boolean contract, String target) {
        MigrationVersion limit = target == null ? MigrationVersion.LATEST : MigrationVersion.fromVersion(target);
        List<Migracion> run = new ArrayList<>();
        List<Migracion> excluded = new ArrayList<>();
        boolean blocked = false;
        for (MigrationInfo info : Migrator.pendientes(flyway)) {
            if (info.getVersion().compareTo(limit) > 0) {
                break;
            }
            boolean isContract = MigrationKind.of(info) == MigrationKind.CONTRACT;
            blocked |= isContract && !contract;
            (blocked ? excluded : run).add(Migracion.of(info));
        }
        List<String> problems = new ArrayList<>();
        Optional<SpecsMigrationStatus> specs = Optional.empty();
        Optional<String> gate = Optional.empty();
        if (run.stream().anyMatch(m -> m.tipo() == MigrationKind.CONTRACT)) {
            specs = SpecsMigrationStatus.medir(jdbc);
            specs.filter(s -> !s.cumple())
                    .ifPresent(s -> problems.add("especificaciones preconditions fail: " + s.describir()));
            ContractGate.Resultado puerta = ContractGate.evaluar(jdbc);
            gate = Optional.of(puerta.motivo());
            if (!puerta.abierta()) {
                problems.add("contract gate closed: " + puerta.motivo());
            }
        }
        return new Plan(versionActual(), run, excluded, specs, gate, problems);
    }

    /**
     * Applies the plan. Without {@code contract} only expand migrations run (stopping before the
     * first contract one); with it the gate and the preconditions must hold. One run at a time.
     */
    public Resultado aplicar(boolean contract, String target) {
        try (AdvisoryLock lock = AdvisoryLock.intentar(dataSource, AdvisoryLock.MIGRACION)
                .orElseThrow(() -> new IllegalStateException(
                        "Another migration is running (advisory lock " + AdvisoryLock.MIGRACION + "); nothing done"))) {
            Plan plan = plan(contract, target);
            if (!plan.problemas().isEmpty()) {
                throw new IllegalStateException("Refusing to migrate: " + String.join("; ", plan.problemas()));
            }
            String before = plan.versionActual();
            long start = System.nanoTime();
            int applied = plan.aEjecutar().isEmpty()
                    ? 0
                    : migrador.aplicar(
                            flyway,
                            MigrationVersion.fromVersion(plan.aEjecutar()
                                    .get(plan.aEjecutar().size() - 1)
                                    .version()));
            return new Resultado(applied, before, versionActual(), Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
