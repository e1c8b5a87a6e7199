package org.inventarioti.cli;

import java.util.Optional;
import org.inventarioti.config.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code --target JDBC-URL [--target-user U] [--target-password-env VAR]}: a database other than the configured one. */
@Command
public final class TargetDatabaseOption {

    @Option(
            names = "--target",
            paramLabel = "JDBC-URL",
            description = "jdbc:postgresql://host:port/db (default: the configured database).")
    String url;

    @Option(names = "--target-user", paramLabel = "USER", description = "User for --target (or user=… in the URL).")
    String user;

    @Option(
            names = "--target-password-env",
            paramLabel = "VAR",
            description = "Environment variable holding the --target password.")
    String passwordEnv;

    /** Empty when no --target was given. */
    public Optional<Database> database() {
        return url == null ? Optional.empty() : Optional.of(new Database(url, user, password()));
    }

    /** An empty variable is an empty password (a trust-authenticated server). */
    private String password() {
        if (passwordEnv == null) {
            return null;
        }
        String value = System.getenv(passwordEnv);
        if (value == null) {
            throw new IllegalArgumentException("Environment variable " + passwordEnv + " is not set");
        }
        return value;
    }
}
