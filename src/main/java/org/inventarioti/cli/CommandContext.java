package org.inventarioti.cli;

import java.io.PrintWriter;
import org.inventarioti.config.ConfiguredDatabase;
import org.springframework.core.env.ConfigurableEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What a command reaches through {@code @Mixin CommandContext context}: its output, the shared
 * {@link CliContext} (services, configuration, the configured database) and one way to refuse an
 * option. It adds no option of its own ({@code @Command} only makes picocli accept it as a mixin).
 */
@Command
public final class CommandContext {

    private final CliContext cli;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    CommandContext(CliContext cli) {
        this.cli = cli;
    }

    public <T> T bean(Class<T> type) {
        return cli.bean(type);
    }

    public ConfiguredDatabase database() {
        return cli.database();
    }

    public ConfigurableEnvironment environment() {
        return cli.environment();
    }

    public PrintWriter out() {
        return spec.commandLine().getOut();
    }

    public PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A usage error (exit code 2) naming the option at fault. */
    public CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** The value of the environment variable an option named (a password, a token); it must be set. */
    public static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("Environment variable " + name + " is not set");
        }
        return value;
    }
}
