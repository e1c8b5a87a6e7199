package org.inventarioti.ops.despliegue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javax.sql.DataSource;
import org.inventarioti.ops.mantenimiento.ModoMantenimientoService;
import org.inventarioti.ops.preflight.Comprobacion;
import org.inventarioti.ops.preflight.PreflightService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What deploys and maintenance runs share: settings, database, preflight, maintenance flag. */
@Component
class Entorno {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    final DespliegueProperties properties;
    final DataSource dataSource;
    final JdbcClient jdbc;
    final PreflightService preflight;
    final ModoMantenimientoService mantenimiento;
    final Clock clock;

    Entorno(
            DespliegueProperties properties,
            DataSource dataSource,
            JdbcClient jdbc,
            PreflightService preflight,
            ModoMantenimientoService mantenimiento,
            Clock clock) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.preflight = preflight;
        this.mantenimiento = mantenimiento;
        this.clock = clock;
    }

    Servicio servicio() {
        return new Servicio(properties.systemctl(), properties.servicio());
    }

    Sondas sondas() {
        return new Sondas(properties.url(), properties.smokeUsuario());
    }

    String marca() {
        return STAMP.format(clock.instant());
    }

    /** Runs the preflight; throws listing every problem. */
    /** A dry run's first checks: no other deploy or maintenance run holds the lock, then the preflight. */
    void comprobarParaEnsayo(Diario diario, Path root, Path releaseJar) {
        diario.comprobacion(
                "lock", "no other deploy or maintenance run", () -> CerrojoEjecucion.comprobar(dataSource, root));
        comprobarPreflight(diario, releaseJar);
    }

    /** A real run's first checks: takes the run lock (the caller closes it), then the preflight. */
    CerrojoEjecucion tomarCerrojoYComprobar(Diario diario, Path root, Path releaseJar) {
        CerrojoEjecucion lock =
                diario.comprobacion("lock", "take the run lock", () -> CerrojoEjecucion.tomar(dataSource, root));
        try {
            comprobarPreflight(diario, releaseJar);
            return lock;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private void comprobarPreflight(Diario diario, Path releaseJar) {
        diario.comprobacion(
                "preflight",
                "secrets, database, TLS, disk, release jar",
                () -> preflight(releaseJar, properties.backups()));
    }

    String preflight(Path releaseJar, Path backups) {
        var checks = preflight.comprobar(Optional.of(releaseJar), backups);
        var failed =
                checks.stream().filter(c -> !c.ok()).map(Comprobacion::linea).toList();
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
