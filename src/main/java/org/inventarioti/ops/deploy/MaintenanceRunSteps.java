package org.inventarioti.ops.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.inventarioti.ops.StartupMigrations;
import org.inventarioti.ops.maintenance.MaintenanceHolder;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One maintenance run's steps and its rollback (see {@link MaintenanceRun}): the state a run
 * carries from step to step — the holder of maintenance mode, the verified backup, the schema's
 * fingerprint before the migrations.
 */
final class MaintenanceRunSteps {

    private final RunEnvironment entorno;
    private final ObjectProvider<StartupMigrations> migraciones;
    private final RunJournal diario;
    private final Releases releases;
    private final Optional<Release> previous;
    private final Release nueva;
    private final Path newJar;
    private final Path orchestrator;
    private final Path backups;
    private final ServiceManager servicio;
    private final Probes sondas;
    private MaintenanceHolder titular;
    private Path archivo;
    private String huella;

    MaintenanceRunSteps(
            RunEnvironment entorno,
            ObjectProvider<StartupMigrations> migraciones,
            RunJournal diario,
            Releases releases,
            Optional<Release> previous,
            Release nueva,
            Path newJar,
            Path orchestrator,
            Path backups) {
        this.entorno = entorno;
        this.migraciones = migraciones;
        this.servicio = entorno.servicio();
        this.sondas = entorno.sondas();
        this.diario = diario;
        this.releases = releases;
        this.previous = previous;
        this.nueva = nueva;
        this.newJar = newJar;
        this.orchestrator = orchestrator;
        this.backups = backups;
    }

    /** The steps in order; {@code planOnly} prints them (a dry run) instead of running them. */
    int pasos(boolean planOnly) {
        String titulo = "Maintenance run " + nueva.version();
        try {
            diario.paso("install", "install " + newJar + " as " + nueva.dir() + " and write the launcher", () -> {
                releases.instalar(newJar);
                releases.escribirLanzador();
                return nueva.dir();
            });
            diario.paso(
                    "maintenance on",
                    "apply pending expand migrations, then turn maintenance mode on (writes answer 503), renewed while this run lives",
                    () -> {
                        migraciones.getObject().migrateExpandForCommand();
                        titular = entorno.mantenimiento.mantener(
                                "Maintenance window: upgrading to " + nueva.version()
                                        + ". Changes are paused; reading keeps working.",
                                "maintenance run");
                        return titular.nombre();
                    });
            diario.paso(
                    "wait for writes",
                    "let every instance see the flag, then wait for open write transactions (at most "
                            + entorno.properties.esperaEscrituras().toSeconds() + " s)",
                    this::esperarEscrituras);
        } catch (RunJournal.PasoFallido e) {
            cerrarMantenimiento();
            diario.resumen(
                    titulo, "REFUSED at " + e.paso + ", nothing but the expand migrations changed: " + e.getMessage());
            return 1;
        }
        try {
            diario.paso(
                    "backup",
                    "inventario backup --output " + backups
                            + " --verify (a test restore, recorded for the contract gate)",
                    this::backup);
        } catch (RunJournal.PasoFallido e) {
            cerrarMantenimiento();
            diario.resumen(titulo, "STOPPED at backup, the service was not touched: " + e.getMessage());
            return 1;
        }
        try {
            diario.paso("stop", servicio.describir("stop"), () -> {
                huella = entorno.huellaEsquema();
                servicio.ejecutar("stop");
                return "stopped";
            });
            diario.paso("migrate", "java -jar " + nueva.jar() + " migrate apply --contract", this::migrar);
            DeployService.arrancarYProbar(
                    diario, releases, nueva, servicio, sondas, "start", entorno.properties.esperaArranque());
            diario.paso("switch", "point current at " + nueva.dir(), () -> {
                releases.promover(nueva);
                releases.quitarCandidato();
                return "current -> " + nueva.version();
            });
        } catch (RunJournal.PasoFallido e) {
            return volverAtras(e);
        }
        diario.paso("maintenance off", "turn maintenance mode off", () -> {
            cerrarMantenimiento();
            return "writes accepted again";
        });
        diario.paso(
                "prune",
                "keep the " + entorno.properties.conservar() + " newest releases",
                () -> planOnly
                        ? null
                        : releases.podar(entorno.properties.conservar()).size() + " removed");
        diario.resumen(
                titulo,
                planOnly ? "the steps above would run" : "DONE: " + nueva.version() + " is current and serving");
        return 0;
    }

    private String esperarEscrituras() throws InterruptedException {
        Thread.sleep(2_000 + 200);
        String freeze = "";
        if (sondas.respondeSinMantenimiento()) {
            servicio.ejecutar("stop");
            freeze = "the running release does not report maintenance mode (an older release?): stopped it"
                    + " before the backup; ";
        }
        long deadline =
                System.nanoTime() + entorno.properties.esperaEscrituras().toNanos();
        long open;
        int rounds = 0;
        do {
            open = entorno.jdbc.sql("""
                            SELECT count(*) FROM pg_stat_activity
                            WHERE datname = current_database() AND pid <> pg_backend_pid()
                              AND backend_xid IS NOT NULL AND application_name = 'inventario-ti'""").query(Long.class).single();
            if (open == 0) {
                return freeze + "no open write transaction" + (rounds > 0 ? " after " + rounds * 200 + " ms" : "");
            }
            rounds++;
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException(open + " write transaction(s) still open after "
                + entorno.properties.esperaEscrituras().toSeconds() + " s");
    }

    private String backup() throws IOException {
        Files.createDirectories(backups);
        ExternalCommand.Salida salida = ExternalCommand.ejecutar(
                ExternalCommand.cli(orchestrator, "backup", "--output", backups.toString(), "--verify"),
                Duration.ofHours(2));
        if (!salida.ok()) {
            throw new IllegalStateException("backup failed (exit " + salida.exit() + "): " + salida.cola(8));
        }
        try (Stream<Path> files = Files.list(backups)) {
            archivo = files.filter(p -> p.getFileName().toString().endsWith(".zip"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("backup produced no archive in " + backups));
        }
        return archivo + " (" + Files.size(archivo) / 1024 + " KiB); " + salida.cola(1);
    }

    private String migrar() {
        if (!titular.vigente()) {
            throw new IllegalStateException("the maintenance flag was lost (expired or turned off): not migrating");
        }
        ExternalCommand.Salida salida = ExternalCommand.ejecutar(
                ExternalCommand.cli(nueva.jar(), "migrate", "apply", "--contract"), Duration.ofHours(2));
        if (!salida.ok()) {
            throw new IllegalStateException(
                    "migrate apply --contract failed (exit " + salida.exit() + "): " + salida.cola(6));
        }
        return salida.cola(1);
    }

    private int volverAtras(RunJournal.PasoFallido fallo) {
        String titulo = "Maintenance run " + nueva.version();
        try {
            diario.paso("rollback: stop", servicio.describir("stop"), () -> {
                servicio.ejecutar("stop");
                releases.quitarCandidato();
                return "stopped, candidate removed";
            });
            boolean changed = !entorno.huellaEsquema().equals(huella);
            if (changed) {
                diario.paso(
                        "rollback: restore", "java -jar " + orchestrator + " restore " + archivo + " --force", () -> {
                            ExternalCommand.Salida salida = ExternalCommand.ejecutar(
                                    ExternalCommand.cli(
                                            orchestrator,
                                            "restore",
                                            archivo.toString(),
                                            "--force",
                                            "--backup-dir",
                                            backups.toString()),
                                    Duration.ofHours(2));
                            if (!salida.ok()) {
                                throw new IllegalStateException(
                                        "restore failed (exit " + salida.exit() + "): " + salida.cola(8));
                            }
                            return salida.cola(1);
                        });
            } else {
                diario.omitido(
                        "rollback: restore",
                        "the schema is exactly as before the stop (the migration rolled back): no restore needed");
            }
            Release anterior = previous.orElseThrow(
                    () -> new RunJournal.PasoFallido("rollback", "there is no previous release to start", null));
            diario.paso("rollback: start", servicio.describir("start") + " (" + anterior.version() + ")", () -> {
                servicio.ejecutar("start");
                return "started";
            });
            diario.paso(
                    "rollback: readiness",
                    "wait for " + anterior.version(),
                    () -> sondas.esperarListo(anterior.version(), entorno.properties.esperaArranque()));
            diario.paso("rollback: smoke", "smoke of " + anterior.version(), () -> sondas.smoke(anterior));
            diario.paso("maintenance off", "turn maintenance mode off", () -> {
                cerrarMantenimiento();
                return "writes accepted again";
            });
            diario.resumen(
                    titulo,
                    "ROLLED BACK after " + fallo.paso + " failed (" + fallo.getMessage() + "); " + anterior.version()
                            + " is serving");
            return 1;
        } catch (RunJournal.PasoFallido e) {
            String message = "Maintenance run to " + nueva.version() + " failed at " + fallo.paso
                    + " and its rollback failed at " + e.paso + ". Writes stay paused; see the journal "
                    + diario.file() + ".";
            if (titular != null) {
                titular.dejarActivo(message, MaintenanceRun.AVISO_FALLO);
            }
            diario.nota("maintenance mode LEFT ON for " + MaintenanceRun.AVISO_FALLO.toDays() + " days: " + message);
            diario.resumen(
                    titulo,
                    "FAILED, rollback FAILED: act now (ops/maintenance_playbook.md, 'When the rollback fails')");
            return 2;
        }
    }

    private void cerrarMantenimiento() {
        if (titular != null) {
            titular.close();
            titular = null;
        }
    }
}
