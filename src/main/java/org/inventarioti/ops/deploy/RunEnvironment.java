package org.inventarioti.ops.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javax.sql.DataSource;
import org.inventarioti.ops.maintenance.MaintenanceModeService;
import org.inventarioti.ops.preflight.PreflightCheck;
import org.inventarioti.ops.preflight.PreflightService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What deploys and maintenance runs share: settings, database, preflight, maintenance flag. */
@Component
class RunEnvironment {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    final DeployProperties properties;
    final DataSource dataSource;
    final JdbcClient jdbc;
    final PreflightService preflight;
    final MaintenanceModeService mantenimiento;
    final Clock clock;

    RunEnvironment(
            DeployProperties properties,
            DataSource dataSource,
            JdbcClient jdbc,
            PreflightService preflight,
            MaintenanceModeService mantenimiento,
            Clock clock) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.preflight = preflight;
        this.mantenimiento = mantenimiento;
        this.clock = clock;
    }

    ServiceManager servicio() {
        return new ServiceManager(properties.systemctl(), properties.servicio());
    }

    Probes sondas() {
        return new Probes(properties.url(), properties.smokeUsuario());
    }

    String marca() {
        return STAMP.format(clock.instant());
    }

    /** Runs the preflight; throws listing every problem. */
    /** A dry run's first checks: no other deploy or maintenance run holds the lock, then the preflight. */
    void comprobarParaEnsayo(RunJournal diario, Path root, Path releaseJar) {
        diario.comprobacion("lock", "no other deploy or maintenance run", () -> RunLock.comprobar(dataSource, root));
        comprobarPreflight(diario, releaseJar);
    }

    /** A real run's first checks: takes the run lock (the caller closes it), then the preflight. */
    RunLock tomarCerrojoYComprobar(RunJournal diario, Path root, Path releaseJar) {
        RunLock lock = diario.comprobacion("lock", "take the run lock", () -> RunLock.tomar(dataSource, root));
        try {
            comprobarPreflight(diario, releaseJar);
            return lock;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private void comprobarPreflight(RunJournal diario, Path releaseJar) {
        diario.comprobacion(
                "preflight",
                "secrets, database, TLS, disk, release jar",
                () -> preflight(releaseJar, properties.backups()));
    }

    String preflight(Path releaseJar, Path backups) {
        var checks = preflight.comprobar(Optional.of(releaseJar), backups);
        var failed =
                checks.stream().filter(c -> !c.ok()).map(PreflightCheck::linea).toList();
        if (!failed.isEmpty()) {
            throw new IllegalStateException("preflight failed: " + String.join("; ", failed));
        }
        return checks.size() + " checks passed";
    }

    /** {@code releases/<version>} when {@code release} is an installed version, else a jar to install. */
    static Path jarDe(Releases releases, String release) {
        Path asPath = Path.of(release);
        if (Files.isRegularFile(asPath)) {
            return asPath.toAbsolutePath();
        }
        return releases.instalada(release)
                .map(Release::jar)
                .orElseThrow(
                        () -> new IllegalArgumentException(release + " is neither a jar nor a release installed under "
                                + releases.root().resolve("releases")));
    }

    /** The jar this process runs from: the CLI that makes and restores the backup. */
    static Path esteJar() {
        Path jar = PreflightService.jarEnEjecucion();
        if (jar == null) {
            throw new IllegalStateException("not running from a release jar: run this command with java -jar");
        }
        return jar;
    }

    /** The applied migrations, to tell whether anything changed the schema since. */
    String huellaEsquema() {
        return jdbc.sql("SELECT coalesce(string_agg(version || ':' || coalesce(checksum::text, '') || ':' || success,"
                        + " ',' ORDER BY installed_rank), '') FROM flyway_schema_history")
                .query(String.class)
                .single();
    }
}
