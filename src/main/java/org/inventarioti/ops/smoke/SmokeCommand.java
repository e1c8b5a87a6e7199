package org.inventarioti.ops.smoke;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.inventarioti.cli.CommandContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "smoke",
        description = {
            "Smoke-tests a running server: /healthz, readiness, login, list and read assets, categories, reports"
                    + " (when present); with --write a create/read/update/delete round trip on a marked test asset"
                    + " that is always deleted.",
            "Exit code 0 only when every check passes; failed checks are named."
        })
public class SmokeCommand implements Callable<Integer> {

    @Mixin
    CommandContext context;

    @Option(
            names = "--url",
            defaultValue = "${env:SMOKE_URL:-http://127.0.0.1:8080}",
            description = "Base URL (default: $SMOKE_URL or ${DEFAULT-VALUE}).")
    URI url;

    @ArgGroup(exclusive = true)
    Credentials credentials;

    static class Credentials {
        @Option(
                names = "--token",
                paramLabel = "T",
                description = "Bearer token (prefer --token-env: arguments are visible to other users).")
        String token;

        @Option(names = "--token-env", paramLabel = "VAR", description = "Environment variable holding a bearer token.")
        String tokenEnv;

        @ArgGroup(exclusive = false)
        Login login;
    }

    static class Login {
        @Option(names = "--user", required = true, paramLabel = "EMAIL", description = "Account to log in with.")
        String user;

        @Option(
                names = "--password-env",
                required = true,
                paramLabel = "VAR",
                description = "Environment variable holding its password.")
        String passwordEnv;
    }

    @Option(names = "--write", description = "Also create, read, update and delete a marked test asset (needs ADMIN).")
    boolean write;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(
            names = "--timeout",
            defaultValue = "10",
            paramLabel = "SECONDS",
            description = "Time limit of each call (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() {
        String bearer = credentials == null ? null : credentials.token;
        String email = null;
        String password = null;
        if (credentials != null && credentials.tokenEnv != null) {
            bearer = CommandContext.requiredEnv(credentials.tokenEnv);
        } else if (credentials != null && credentials.login != null) {
            email = credentials.login.user;
            password = CommandContext.requiredEnv(credentials.login.passwordEnv);
        }
        SmokeReport report = SmokeService.run(
                new SmokeOptions(url, bearer, email, password, write, Duration.ofSeconds(Math.max(1, timeoutSeconds))));
        PrintWriter out = context.out();
        if (json) {
            report.printJson(out);
        } else {
            report.printText(out);
        }
        return report.ok() ? 0 : 1;
    }
}
