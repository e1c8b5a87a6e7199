package org.inventarioti.ops.preflight;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.inventarioti.config.CliContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        mixinStandardHelpOptions = true,
        name = "preflight",
        description = {
            "Checks this host is ready: secrets present and strong, database reachable with the configured"
                    + " credentials, TLS certificate valid for 30 more days (when TLS is configured), Sentry DSN"
                    + " well formed (when set), free disk for 3 backups, release jar present.",
            "Lists every problem and exits 1 when there is any. Never prints a secret."
        })
public class PreflightCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--release", paramLabel = "JAR", description = "The release jar to check (default: this one).")
    Path release;

    @Option(names = "--backup-dir", paramLabel = "DIR", description = "Where backups go (default: <data-dir>/backups).")
    Path backupDir;

    PreflightCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var environment = PreflightService.environment();
        PreflightService service = environment.containsProperty("spring.datasource.url")
                ? PreflightService.standalone(environment)
                : context.bean(PreflightService.class);
        List<PreflightCheck> checks =
                service.check(Optional.ofNullable(release), backupDir != null ? backupDir : service.defaultBackupDir());
        PrintWriter out = spec.commandLine().getOut();
        checks.forEach(c -> out.println(c.line()));
        long failed = checks.stream().filter(c -> !c.ok()).count();
        out.println(failed == 0 ? "Preflight passed." : "Preflight FAILED: " + failed + " problem(s).");
        return failed == 0 ? 0 : 1;
    }
}
