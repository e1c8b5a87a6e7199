package org.inventarioti.demo;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.inventarioti.cli.CommandContext;
import org.inventarioti.cli.ProgressBar;
import org.inventarioti.ops.migrate.StartupMigrations;
import org.inventarioti.usuarios.PrimerAdministrador;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "demo-data",
        description = {
            "Fills the inventory with realistic demo data: assets with especificaciones that follow their"
                    + " category, maintenance history and a few demo users (their passwords are shown once).",
            "Everything it adds is marked as demo; --remove takes exactly that out again."
        })
public class DemoDataCommand implements Callable<Integer> {

    @Mixin
    CommandContext context;

    @Option(names = "--activos", paramLabel = "N", description = "How many assets to add (1 to 1000000).")
    Integer activos;

    @Option(names = "--remove", description = "Remove all demo data (assets, their maintenance, demo users).")
    boolean remove;

    @Option(names = "--seed", description = "Seed for repeatable data (default: random).")
    Long seed;

    @Override
    public Integer call() {
        PrintWriter out = context.out();
        if (remove == (activos != null)) {
            throw context.usage("Give either --activos N or --remove");
        }
        if (activos != null && (activos < 1 || activos > 1_000_000)) {
            throw context.usage("--activos must be between 1 and 1000000");
        }
        context.bean(StartupMigrations.class).migrateForCommand();
        if (!remove) {
            // Demo users must not stand in for the first administrator of a fresh installation.
            context.bean(PrimerAdministrador.class).crearSiFalta(out);
        }
        DemoDataService service = context.bean(DemoDataService.class);
        long started = System.nanoTime();
        if (remove) {
            DemoDataService.Resumen removed = service.eliminar();
            service.vacuum();
            out.printf(
                    "Removed %d demo assets and %d maintenance records (%.1f s).%n",
                    removed.activos(), removed.mantenimientos(), seconds(started));
            return 0;
        }
        long actualSeed = seed != null ? seed : System.nanoTime();
        Progreso progreso = new Progreso(ProgressBar.on(out), "", 1);
        DemoDataService.Resumen added = service.generar(activos, actualSeed, progreso);
        service.vacuum();
        out.printf(
                "Added %d demo assets and %d maintenance records in %.1f s (seed %d).%n",
                added.activos(), added.mantenimientos(), seconds(started), actualSeed);
        for (DemoDataService.Usuario usuario : added.usuariosCreados()) {
            out.printf(
                    "Demo user %s (%s), password (shown only now): %s%n",
                    usuario.email(), usuario.rol(), usuario.password());
        }
        return 0;
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
