package org.inventarioti.ops.deploy;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * {@code inventario deploy}: installs a release and makes it {@code current} only after it answered
 * readiness and smoke; otherwise the previous release is started again (guarantee 8). Expand
 * migrations run when the new release starts; a pending contract migration makes it refuse to
 * start, which rolls the deploy back: that needs {@code inventario maintenance run}.
 */
@Service
public class DeployService {

    private final RunEnvironment entorno;

    DeployService(RunEnvironment entorno) {
        this.entorno = entorno;
    }

    /** Exit code: 0 deployed, 1 refused or rolled back, 2 the rollback failed too. */
    public int desplegar(Path jar, Path root, boolean dryRun, PrintWriter out) {
        Releases releases = new Releases(root);
        String version = Releases.version(jar);
        Optional<Release> previous = releases.actual();
        Release nueva = new Release(version, releases.directorio(version));
        ServiceManager servicio = entorno.servicio();
        Probes sondas = entorno.sondas();
        RunJournal diario =
                new RunJournal(root.resolve("journal/deploy-" + entorno.marca() + ".log"), out, dryRun, entorno.clock);
        out.println("Deploy of " + version + " into " + root + " (current: "
                + previous.map(Release::version).orElse("none") + ")" + (dryRun ? " -- DRY RUN" : ""));
        if (dryRun) {
            try {
                entorno.comprobarParaEnsayo(diario, root, jar);
                planificar(diario, jar, nueva, servicio, sondas, root);
                diario.resumen("Deploy " + version, "the steps above would run");
                return 0;
            } catch (RunJournal.PasoFallido e) {
                diario.resumen("Deploy " + version, "REFUSED: " + e.getMessage());
                return 1;
            }
        }
        try (RunLock lock = entorno.tomarCerrojoYComprobar(diario, root, jar)) {
            diario.paso(
                    "install",
                    "copy " + jar + " to " + nueva.dir(),
                    () -> releases.instalar(jar).dir());
            diario.paso("launcher", "write " + root.resolve("inventario-start"), () -> {
                releases.escribirLanzador();
                return "ok";
            });
            try {
                arrancarYProbar(diario, releases, nueva, servicio, sondas, "restart");
            } catch (RunJournal.PasoFallido e) {
                return volverAtras(diario, releases, previous, servicio, sondas, e);
            }
            diario.paso("switch", "point current at " + nueva.dir(), () -> {
                releases.promover(nueva);
                releases.quitarCandidato();
                return "current -> " + version;
            });
            diario.paso(
                    "prune",
                    "keep the " + entorno.properties.conservar() + " newest releases",
                    () -> releases.podar(entorno.properties.conservar()).size() + " removed");
            diario.resumen("Deploy " + version, "DEPLOYED: " + version + " is current");
            return 0;
        } catch (RunJournal.PasoFallido e) {
            diario.resumen("Deploy " + version, "REFUSED before any change to the service: " + e.getMessage());
            return 1;
        }
    }

    private void planificar(
            RunJournal diario, Path jar, Release nueva, ServiceManager servicio, Probes sondas, Path root) {
        diario.paso("install", "copy " + jar + " to " + nueva.dir(), () -> null);
        diario.paso("launcher", "write " + root.resolve("inventario-start"), () -> null);
        diario.paso("candidate", "point candidate at " + nueva.dir(), () -> null);
        diario.paso("start", servicio.describir("restart"), () -> null);
        diario.paso("readiness", "wait for " + sondas.url() + " to be ready as " + nueva.version(), () -> null);
        diario.paso("smoke", "inventario " + String.join(" ", sondas.smokeArgs()), () -> null);
        diario.paso("switch", "point current at " + nueva.dir(), () -> null);
        diario.paso("prune", "keep the " + entorno.properties.conservar() + " newest releases", () -> null);
    }

    static void arrancarYProbar(
            RunJournal diario,
            Releases releases,
            Release nueva,
            ServiceManager servicio,
            Probes sondas,
            String verbo,
            java.time.Duration espera) {
        diario.paso("candidate", "point candidate at " + nueva.dir(), () -> {
            releases.apuntarCandidato(nueva);
            return "candidate -> " + nueva.version();
        });
        diario.paso("start", servicio.describir(verbo), () -> {
            servicio.ejecutar(verbo);
            return "started";
        });
        diario.paso(
                "readiness",
                "wait for " + sondas.url() + " to be ready as " + nueva.version(),
                () -> sondas.esperarListo(nueva.version(), espera));
        diario.paso("smoke", "inventario " + String.join(" ", sondas.smokeArgs()), () -> sondas.smoke(nueva));
    }

    private void arrancarYProbar(
            RunJournal diario, Releases releases, Release nueva, ServiceManager servicio, Probes sondas, String verbo) {
        arrancarYProbar(diario, releases, nueva, servicio, sondas, verbo, entorno.properties.esperaArranque());
    }

    private int volverAtras(
            RunJournal diario,
            Releases releases,
            Optional<Release> previous,
            ServiceManager servicio,
            Probes sondas,
            RunJournal.PasoFallido fallo) {
        try {
            diario.paso(
                    "rollback",
                    "remove candidate; current stays "
                            + previous.map(Release::version).orElse("none"),
                    () -> {
                        releases.quitarCandidato();
                        return "candidate removed";
                    });
            if (previous.isEmpty()) {
                diario.paso("stop", servicio.describir("stop"), () -> {
                    servicio.ejecutar("stop");
                    return "stopped: there is no previous release";
                });
                diario.resumen("Deploy", "FAILED at " + fallo.paso + " and there is no previous release to restore");
                return 2;
            }
            Release anterior = previous.get();
            diario.paso("restart previous", servicio.describir("restart"), () -> {
                servicio.ejecutar("restart");
                return "restarted";
            });
            diario.paso(
                    "readiness previous",
                    "wait for " + anterior.version(),
                    () -> sondas.esperarListo(anterior.version(), entorno.properties.esperaArranque()));
            diario.paso("smoke previous", "smoke of " + anterior.version(), () -> sondas.smoke(anterior));
            diario.resumen(
                    "Deploy", "ROLLED BACK: " + fallo.getMessage() + "; " + anterior.version() + " is serving again");
            return 1;
        } catch (RunJournal.PasoFallido e) {
            diario.resumen("Deploy", "FAILED at " + fallo.paso + " and the rollback failed at " + e.paso + ": act now");
            return 2;
        }
    }
}
