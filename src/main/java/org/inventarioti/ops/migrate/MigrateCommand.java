package org.inventarioti.ops.migrate;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.inventarioti.cli.CommandContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "migrate",
        description = "Schema migrations: expand ones run at start-up, contract ones only in a maintenance window.",
        subcommands = {
            MigrateCommand.Status.class,
            MigrateCommand.PlanCommand.class,
            MigrateCommand.Apply.class,
            MigrateCommand.Rehearse.class
        })
public class MigrateCommand {

    /** What {@code apply --when-told} prints once it is ready; the maintenance run waits for it. */
    public static final String READY_TO_MIGRATE = "Ready to migrate: waiting for a line on standard input";

    /** {@code plan} and {@code apply}: the same selection of migrations, the same plan printed first. */
    abstract static class Planned implements Callable<Integer> {

        @Mixin
        CommandContext context;

        @Option(names = "--contract", description = "Also ${COMMAND-NAME} the contract (destructive) migrations.")
        boolean contract;

        @Option(names = "--target", paramLabel = "V", description = "Stop at this version.")
        String target;

        MigrateService service() {
            return context.bean(MigrateService.class);
        }

        MigrateService.Plan printPlan() {
            MigrateService.Plan plan = service().plan(contract, target);
            print(plan, context.out());
            return plan;
        }
    }

    @Command(name = "status", description = "Lists applied and pending migrations, each marked expand or contract.")
    static class Status implements Callable<Integer> {

        @Mixin
        CommandContext context;

        @Override
        public Integer call() {
            MigrateService service = context.bean(MigrateService.class);
            PrintWriter out = context.out();
            out.println("Schema version: " + service.currentVersion());
            service.migrations().forEach(m -> out.println("  " + m.line()));
            return 0;
        }
    }

    @Command(
            name = "plan",
            description = {
                "Prints what `apply` would run and evaluates the contract preconditions and gate on the live"
                        + " data. Changes nothing.",
                "Exit code 0 when apply would proceed, 1 when it would refuse."
            })
    static class PlanCommand extends Planned {

        @Override
        public Integer call() {
            return printPlan().problems().isEmpty() ? 0 : 1;
        }
    }

    static void print(MigrateService.Plan plan, PrintWriter out) {
        out.println("Schema version: " + plan.currentVersion());
        if (plan.toApply().isEmpty()) {
            out.println("Nothing to apply.");
        } else {
            out.println("Would apply, in one transaction:");
            plan.toApply().forEach(m -> out.println("  " + m.line()));
        }
        if (!plan.contractExcluded().isEmpty()) {
            out.println("Left for a maintenance window (needs --contract):");
            plan.contractExcluded().forEach(m -> out.println("  " + m.line()));
        }
        plan.especificaciones().ifPresent(s -> out.println("Preconditions (especificaciones): " + s.describe()));
        plan.gate().ifPresent(g -> out.println("Contract gate: " + g));
        plan.problems().forEach(p -> out.println("PROBLEM: " + p));
    }

    @Command(
            name = "apply",
            description = {
                "Applies pending migrations in one transaction, with lock and statement time-outs.",
                "Without --contract it stops before the first contract migration. With --contract it refuses"
                        + " unless maintenance mode is on and a backup taken since then passed"
                        + " `verify --restore-test`, and unless the preconditions hold."
            })
    static class Apply extends Planned {

        @Option(
                names = "--when-told",
                description = "Start, connect and print the plan, then wait for a line on standard input before"
                        + " applying (end of input: exit 3, nothing applied). The maintenance run starts the"
                        + " migration this way before it stops the service, so the service is down for the"
                        + " migration only, not for a JVM start.")
        boolean whenTold;

        @Override
        public Integer call() throws java.io.IOException {
            printPlan();
            if (whenTold) {
                context.out().println(READY_TO_MIGRATE);
                context.out().flush();
                String line = new java.io.BufferedReader(
                                new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))
                        .readLine();
                if (line == null) {
                    context.out().println("Not told to go on: nothing was applied.");
                    return 3;
                }
            }
            MigrateService.Result result = service().apply(contract, target);
            context.out()
                    .printf(
                            "Applied %d migration(s): schema %s -> %s in %d ms%n",
                            result.applied(),
                            result.versionBefore(),
                            result.versionAfter(),
                            result.duration().toMillis());
            return 0;
        }
    }

    @Command(
            name = "rehearse",
            mixinStandardHelpOptions = true,
            description = {
                "The real dry run: restores ARCHIVE into a scratch database on the configured server, applies"
                        + " this release's pending migrations there one by one (timed; preconditions measured before"
                        + " each contract one), starts this release on it and smoke-tests it, then drops the scratch"
                        + " database. Production is not changed.",
                "Exit code 0 when every step passed, 1 otherwise."
            })
    static class Rehearse implements Callable<Integer> {

        @Mixin
        CommandContext context;

        @Parameters(paramLabel = "ARCHIVE", description = "A backup archive (inventario backup).")
        Path archive;

        @Override
        public Integer call() throws Exception {
            return context.bean(RehearsalService.class).rehearse(archive, context.out()) ? 0 : 1;
        }
    }
}
