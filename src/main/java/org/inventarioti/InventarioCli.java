package org.inventarioti;

import java.lang.reflect.Constructor;
import org.inventarioti.config.CliContext;
import org.inventarioti.demo.DemoDataCommand;
import org.inventarioti.importacion.ImportCommand;
import org.inventarioti.ops.VersionCommand;
import org.inventarioti.ops.cli.BackupCommand;
import org.inventarioti.ops.cli.RestoreCommand;
import org.inventarioti.ops.cli.SmokeCommand;
import org.inventarioti.ops.cli.VerifyCommand;
import org.inventarioti.ops.deploy.DeployCommand;
import org.inventarioti.ops.maintenance.MaintenanceCommand;
import org.inventarioti.ops.migrate.MigrateCommand;
import org.inventarioti.ops.preflight.PreflightCommand;
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
        CommandLine commandLine = new CommandLine(new InventarioCli(), new Factory(context));
        commandLine.setExecutionExceptionHandler(new CliErrors());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    /** Gives commands that take a {@link CliContext} in their constructor the shared one. */
    private record Factory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                var parameters = constructor.getParameterTypes();
                if (parameters.length == 1 && parameters[0] == CliContext.class) {
                    constructor.setAccessible(true);
                    return type.cast(constructor.newInstance(context));
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    /** A failed command prints one clear line (the detail of an API error), not a stack trace. */
    private static final class CliErrors implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(
                Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
            Throwable cause = ex;
            while (cause.getCause() != null && !(cause instanceof org.inventarioti.web.ApiException)) {
                cause = cause.getCause();
            }
            String message = cause instanceof org.inventarioti.web.ApiException api ? api.detail() : cause.getMessage();
            commandLine
                    .getErr()
                    .println("error: " + (message == null ? cause.getClass().getSimpleName() : message));
            return 1;
        }
    }
}
