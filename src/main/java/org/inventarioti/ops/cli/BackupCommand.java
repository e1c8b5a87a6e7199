package org.inventarioti.ops.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.inventarioti.config.CliContext;
import org.inventarioti.config.InventarioProperties;
import org.inventarioti.ops.backup.BackupResult;
import org.inventarioti.ops.backup.BackupService;
import org.inventarioti.ops.backup.ConfiguredDatabase;
import org.inventarioti.ops.backup.Retention;
import org.inventarioti.ops.restore.ScratchDatabase;
import org.inventarioti.ops.restore.VerificationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "backup",
        description = {
            "Backs up the database (DB_* environment, or the embedded one) into one verified archive:"
                    + " a consistent snapshot, every table through COPY, a manifest with checksums.",
            "The archive appears under its final name only when complete."
        })
public class BackupCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--output",
            paramLabel = "DIR",
            description = "Directory for the archive (default: <data dir>/backups).")
    Path output;

    @Option(
            names = "--verify",
            description = "Then test-restore it into a scratch database and record the verification.")
    boolean verify;

    @Option(
            names = "--keep",
            paramLabel = "N",
            description = "After a successful backup keep only the N newest archives.")
    Integer keep;

    @Option(
            names = "--scratch",
            defaultValue = "AUTO",
            description = "Scratch database for --verify: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ScratchDatabase.Kind scratch;

    BackupCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (keep != null && keep < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--keep must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        var external = ExternalDatabase.fromEnvironment();
        if (external.isPresent() && !verify) {
            // DB_* alone says where the database is: no application context to start.
            Path dir = output != null ? output : ExternalDatabase.dataDir().resolve("backups");
            out.println("Backing up " + external.get().describe() + " ...");
            BackupResult result = BackupService.standalone()
                    .backup(external.get(), false, dir, new ProgressPrinter(out, ProgressPrinter.onTerminal()));
            out.println(result.summary());
            prune(result, out);
            return 0;
        }
        Path dir = output != null
                ? output
                : context.bean(InventarioProperties.class).dataDir().resolve("backups");
        ConfiguredDatabase database = context.bean(ConfiguredDatabase.class);
        out.println(
                "Backing up " + database.database().describe() + (database.embedded() ? " (embedded)" : "") + " ...");
        BackupResult result = context.bean(BackupService.class)
                .backup(
                        database.database(),
                        database.embedded(),
                        dir,
                        new ProgressPrinter(out, ProgressPrinter.onTerminal()));
        out.println(result.summary());
        if (verify) {
            var verification =
                    context.bean(VerificationService.class).verifyWithRestore(result.archive(), scratch, false, out);
            out.println(
                    "Verified: test restore matched " + verification.restore().rows() + " rows; recorded.");
        }
        prune(result, out);
        return 0;
    }

    private void prune(BackupResult result, PrintWriter out) throws java.io.IOException {
        if (keep != null) {
            for (Path removed : Retention.prune(result.archive().getParent(), keep)) {
                out.println("Removed old backup " + removed.getFileName());
            }
        }
    }
}
