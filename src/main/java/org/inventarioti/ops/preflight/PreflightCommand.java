package org.inventarioti.ops.preflight;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.inventarioti.cli.CommandContext;
import org.inventarioti.config.ConfiguredDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    @Mixin
    CommandContext context;

    @Option(names = "--release", paramLabel = "JAR", description = "The release jar to check (default: this one).")
    Path release;

    @Option(names = "--backup-dir", paramLabel = "DIR", description = "Where backups go (default: <data-dir>/backups).")
    Path backupDir;

    /** An external database is checked without the application context, which a weak secret would stop. */
    @Override
    public Integer call() {
        ConfiguredDatabase database = context.database();
        PreflightService service = database.embedded()
                ? context.bean(PreflightService.class)
                : PreflightService.standalone(context.environment());
        List<PreflightCheck> checks =
                service.check(Optional.ofNullable(release), backupDir != null ? backupDir : database.backupDir());
        PrintWriter out = context.out();
        checks.forEach(c -> out.println(c.line()));
        long failed = checks.stream().filter(c -> !c.ok()).count();
        out.println(failed == 0 ? "Preflight passed." : "Preflight FAILED: " + failed + " problem(s).");
        return failed == 0 ? 0 : 1;
    }
}
