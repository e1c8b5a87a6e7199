package org.inventarioti.ops.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.inventarioti.config.CliContext;
import org.inventarioti.ops.archive.ArchiveException;
import org.inventarioti.ops.archive.ArchiveVerifier;
import org.inventarioti.ops.archive.Manifest;
import org.inventarioti.ops.backup.Sizes;
import org.inventarioti.ops.restore.RestoreRefusedException;
import org.inventarioti.ops.restore.ScratchDatabase;
import org.inventarioti.ops.restore.VerificationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "verify",
        description = {
            "Checks an archive: manifest, every member's SHA-256, size and row count. Exit 0 only when all hold.",
            "With --restore-test also restores it into a scratch database, compares the counts, drops the scratch"
                    + " database and records the verification in the configured database."
        })
public class VerifyCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ARCHIVE", description = "The backup archive (.zip).")
    Path archive;

    @Option(names = "--restore-test", description = "Also restore into a scratch database and compare counts.")
    boolean restoreTest;

    @Option(
            names = "--scratch",
            defaultValue = "AUTO",
            description = "Scratch database: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: the configured"
                    + " server when the role may create databases, else a throwaway embedded one).")
    ScratchDatabase.Kind scratch;

    @Option(names = "--allow-version-mismatch", description = "Test-restore an archive made by another release.")
    boolean allowVersionMismatch;

    VerifyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (restoreTest) {
                var verification = context.bean(VerificationService.class)
                        .verifyWithRestore(archive, scratch, allowVersionMismatch, out);
                verification.restore().print(out);
                out.println("OK: " + archive + " verified by a test restore ("
                        + verification.restore().rows() + " rows); recorded.");
            } else {
                Manifest manifest = ArchiveVerifier.verify(archive);
                out.println("OK: " + archive + " (" + Sizes.human(java.nio.file.Files.size(archive)) + ", "
                        + manifest.members().size() + " members, " + manifest.totalRows() + " rows, schema version "
                        + manifest.schema().version() + ", app " + manifest.appVersion() + ", created "
                        + manifest.createdAt() + ")");
            }
            return 0;
        } catch (ArchiveException | RestoreRefusedException e) {
            spec.commandLine().getErr().println("FAILED: " + archive + ": " + e.getMessage());
            return 1;
        }
    }
}
