package org.inventarioti;

import org.inventarioti.cli.CliContext;
import org.inventarioti.cli.CommandFactory;
import org.inventarioti.demo.DemoDataCommand;
import org.inventarioti.importacion.ImportCommand;
import org.inventarioti.jobs.JobsCommand;
import org.inventarioti.ops.backup.BackupCommand;
import org.inventarioti.ops.deploy.DeployCommand;
import org.inventarioti.ops.maintenance.MaintenanceCommand;
import org.inventarioti.ops.migrate.MigrateCommand;
import org.inventarioti.ops.preflight.PreflightCommand;
import org.inventarioti.ops.release.VersionCommand;
import org.inventarioti.ops.restore.RestoreCommand;
import org.inventarioti.ops.restore.VerifyCommand;
import org.inventarioti.ops.smoke.SmokeCommand;
import org.inventarioti.usuarios.UsuariosCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The ops CLI: {@code inventario <command>}. Each feature contributes its commands here. */
@Command(
        name = "inventario",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "Inventario-TI: IT inventory and maintenance. Without a command, runs the server.",
        subcommands = {
            CommandLine.HelpCommand.class,
            VersionCommand.class,
            UsuariosCommand.class,
            JobsCommand.class,
            BackupCommand.class,
            VerifyCommand.class,
            RestoreCommand.class,
            SmokeCommand.class,
            DemoDataCommand.class,
            MigrateCommand.class,
            MaintenanceCommand.class,
            PreflightCommand.class,
            DeployCommand.class,
            ImportCommand.class
        })
public class InventarioCli {

    /**
     * A command, or the root's own {@code --help}/{@code --version}: the CLI. Anything else (no
     * arguments, or Spring options such as {@code --server.port=…}): the server.
     */
    static boolean isCommand(String[] args) {
        return args.length > 0
                && (!args[0].startsWith("--") || args[0].equals("--help") || args[0].equals("--version"));
    }

    public static int run(String[] args) {
        quietLibraries();
        try (CliContext context = new CliContext(InventarioApplication.class)) {
            return commandLine(context).execute(args);
        }
    }

    /** Commands print their own lines; library INFO logging (Flyway, the embedded server) is noise there. */
    private static void quietLibraries() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) {
            logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    public static CommandLine commandLine(CliContext context) {
        CommandLine commandLine = new CommandLine(new InventarioCli(), new CommandFactory(context));
        commandLine.setExecutionExceptionHandler(new CliErrors());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        withHelp(commandLine);
        return commandLine;
    }

    /** Every subcommand answers --help (and -h), whether or not its annotation asks for it. */
    private static void withHelp(CommandLine commandLine) {
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            if (!sub.getCommandSpec().mixinStandardHelpOptions()) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
            }
            withHelp(sub);
        }
    }

    /** A failed command prints one clear line (the detail of a domain error), not a stack trace. */
    private static final class CliErrors implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(
                Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
            Throwable cause = ex;
            while (cause.getCause() != null && !(cause instanceof org.inventarioti.errors.DomainException)) {
                cause = cause.getCause();
            }
            String message = cause instanceof org.inventarioti.errors.DomainException refused
                    ? refused.detail()
                    : cause.getMessage();
            commandLine
                    .getErr()
                    .println("error: " + (message == null ? cause.getClass().getSimpleName() : message));
            return 1;
        }
    }
}
