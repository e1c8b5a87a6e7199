package org.inventarioti.jobs;

import java.util.concurrent.Callable;
import org.inventarioti.cli.CommandContext;
import org.inventarioti.ops.migrate.StartupMigrations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code inventario jobs list | run NAME}: the scheduler's jobs from the command line. */
@Command(
        name = "jobs",
        description = "The scheduler's jobs: list them, or run one now (once across every instance).",
        mixinStandardHelpOptions = true,
        subcommands = {JobsCommand.Listar.class, JobsCommand.Ejecutar.class})
public class JobsCommand {

    @Command(name = "list", description = "Every job with its last run and next run.")
    static class Listar implements Callable<Integer> {

        @Mixin
        CommandContext context;

        @Override
        public Integer call() {
            context.bean(StartupMigrations.class).migrateForCommand();
            var out = context.out();
            for (EstadoJob job : context.bean(JobService.class).estado()) {
                Ejecucion ultima = job.ultima();
                out.println(job.nombre() + "\t" + job.cron() + "\tnext "
                        + (job.proxima() == null ? "(not scheduled in-app)" : job.proxima()) + "\tlast "
                        + (ultima == null
                                ? "never"
                                : ultima.inicio() + " " + ultima.resultado() + " " + ultima.duracionMs() + " ms"));
            }
            return 0;
        }
    }

    @Command(name = "run", description = "Runs a job now; exit 1 if it failed, 3 if another run holds its slot.")
    static class Ejecutar implements Callable<Integer> {

        @Mixin
        CommandContext context;

        @Parameters(paramLabel = "NAME", description = "The job's name (see `inventario jobs list`).")
        String nombre;

        @Override
        public Integer call() {
            context.bean(StartupMigrations.class).migrateForCommand();
            var run = context.bean(JobService.class).ejecutar(nombre, Ejecucion.MANUAL);
            var out = context.out();
            if (run.isEmpty()) {
                out.println("Job " + nombre + " was not run: another run holds its slot.");
                return 3;
            }
            Ejecucion e = run.get();
            out.println("Job " + nombre + ": " + e.resultado() + " in " + e.duracionMs() + " ms"
                    + (e.detalle() == null ? "" : " — " + e.detalle()));
            return e.resultado().equals(Ejecucion.OK) ? 0 : 1;
        }
    }
}
