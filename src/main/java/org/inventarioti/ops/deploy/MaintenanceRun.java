package org.inventarioti.ops.deploy;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.inventarioti.ops.StartupMigrations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * {@code inventario maintenance run}: preflight, maintenance on, wait for in-flight writes, backup
 * verified by a test restore, stop, contract migrations with the new release, start it, readiness,
 * smoke, switch, maintenance off. Any failure after the stop restores the backup (when the schema
 * changed), starts the previous release and checks it; if even that fails, maintenance mode stays
 * on with a message saying so. Every step is journaled.
 */
@Service
public class MaintenanceRun {

    static final Duration AVISO_FALLO = Duration.ofDays(7);

    private final RunEnvironment entorno;
    private final ObjectProvider<StartupMigrations> migraciones;

    MaintenanceRun(RunEnvironment entorno, ObjectProvider<StartupMigrations> migraciones) {
        this.entorno = entorno;
        this.migraciones = migraciones;
    }

    /** Exit code: 0 done, 1 refused or rolled back (previous release serving), 2 the rollback failed. */
    public int ejecutar(Optional<String> release, Path root, boolean dryRun, PrintWriter out) {
        Releases releases = new Releases(root);
        Optional<Release> previous = releases.actual();
        Path orchestrator = RunEnvironment.esteJar();
        Path newJar = release.map(r -> RunEnvironment.jarDe(releases, r))
                .orElseGet(() -> previous.map(Release::jar).orElse(orchestrator));
        String version = Releases.version(newJar);
        Release nueva = new Release(version, releases.directorio(version));
        String marca = entorno.marca();
        Path backups = entorno.properties.backups().resolve("maintenance-" + marca);
        RunJournal diario =
                new RunJournal(root.resolve("journal/maintenance-" + marca + ".log"), out, dryRun, entorno.clock);
        MaintenanceRunSteps run = new MaintenanceRunSteps(
                entorno, migraciones, diario, releases, previous, nueva, newJar, orchestrator, backups);
        out.println("Maintenance run: " + previous.map(Release::version).orElse("none") + " -> " + version + " in "
                + root + (dryRun ? " -- DRY RUN: only the checks run, nothing is changed" : ""));
        if (dryRun) {
            try {
                entorno.comprobarParaEnsayo(diario, root, newJar);
                run.pasos(true);
                diario.resumen("Maintenance run " + version, "the steps above would run");
                return 0;
            } catch (RunJournal.PasoFallido e) {
                diario.resumen("Maintenance run " + version, "REFUSED: " + e.getMessage());
                return 1;
            }
        }
        try (RunLock lock = entorno.tomarCerrojoYComprobar(diario, root, newJar)) {
            return run.pasos(false);
        } catch (RunJournal.PasoFallido e) {
            diario.resumen("Maintenance run " + version, "REFUSED before any change: " + e.getMessage());
            return 1;
        }
    }
}
