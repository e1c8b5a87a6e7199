package org.inventarioti.ops.maintenance;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.inventarioti.cli.CommandContext;
import org.inventarioti.ops.migrate.StartupMigrations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "maintenance",
        description = "Maintenance mode (writes answer 503, reads keep working) and the maintenance run.",
        subcommands = {
            MaintenanceCommand.On.class,
            MaintenanceCommand.Off.class,
            MaintenanceCommand.Status.class,
            MaintenanceRunCommand.class
        })
public class MaintenanceCommand {

    /** The flag lives in a table an expand migration adds: those run first, the contract ones wait. */
    private static MaintenanceModeService service(CommandContext context) {
        context.bean(StartupMigrations.class).migrateExpandForCommand();
        return context.bean(MaintenanceModeService.class);
    }

    @Command(
            name = "on",
            description = {
                "Turns maintenance mode on for every instance (the next write on any of them is refused).",
                "It ends by itself after --ttl unless renewed; with --hold this command stays in the"
                        + " foreground renewing it, and turns it off when stopped (Ctrl-C, SIGTERM)."
            })
    static class On implements Callable<Integer> {

        @Mixin
        CommandContext context;

        @Option(names = "--message", paramLabel = "M", description = "Shown to users and in the 503 body.")
        String message;

        @Option(
                names = "--ttl",
                paramLabel = "D",
                description = "How long it lasts (ISO-8601 or 30m, 2h, 90s). Default 30m; with --hold 60s.")
        String ttl;

        @Option(names = "--hold", description = "Stay in the foreground renewing the flag.")
        boolean hold;

        @Option(
                names = "--expected",
                paramLabel = "D",
                description = "How long the window is expected to last: writes answer Retry-After until then."
                        + " Default: --ttl; with --hold inventario.mantenimiento.ventana-prevista (15m).")
        String expected;

        @Override
        public Integer call() throws InterruptedException {
            MaintenanceModeService service = service(context);
            PrintWriter out = context.out();
            Duration duration = ttl != null ? Durations.parse(ttl) : hold ? service.holderTtl() : service.defaultTtl();
            Duration window = expected != null ? Durations.parse(expected) : hold ? service.expectedWindow() : duration;
            String holder = MaintenanceModeService.holderName("maintenance on", window);
            MaintenanceState state = service.turnOn(message, duration, holder);
            out.println("Maintenance mode ON since " + state.activeSince() + ", until " + state.expiresAt()
                    + (hold ? " (renewed while this command runs)" : "") + ": " + state.visibleMessage());
            out.flush();
            if (!hold) {
                return 0;
            }
            // Stopping the process closes the Spring context, which closes the holder: the flag goes off.
            service.keepRenewing(holder, duration);
            new CountDownLatch(1).await();
            return 0;
        }
    }

    @Command(name = "off", description = "Turns maintenance mode off.")
    static class Off implements Callable<Integer> {

        @Mixin
        CommandContext context;

        @Override
        public Integer call() {
            boolean was = service(context).turnOff();
            context.out().println(was ? "Maintenance mode OFF." : "Maintenance mode was already off.");
            return 0;
        }
    }

    @Command(name = "status", description = "Shows whether maintenance mode is on. Exit code 0 when off, 3 when on.")
    static class Status implements Callable<Integer> {

        @Mixin
        CommandContext context;

        @Override
        public Integer call() {
            MaintenanceState state = service(context).currentState();
            PrintWriter out = context.out();
            if (!state.active()) {
                out.println("Maintenance mode is OFF.");
                return 0;
            }
            out.println("Maintenance mode is ON");
            out.println("  since:   " + state.activeSince());
            out.println("  expires: " + state.expiresAt() + " unless renewed");
            out.println("  holder:  " + state.holder());
            out.println("  message: " + state.visibleMessage());
            return 3;
        }
    }
}
