package org.inventarioti.ops.restore;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.inventarioti.cli.CommandContext;
import org.inventarioti.ops.archive.ArchiveException;
import org.inventarioti.ops.archive.ArchiveVerifier;
import org.inventarioti.ops.archive.Manifest;
import org.inventarioti.ops.archive.Sizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "verify",
        description = {
            "Checks an archive: manifest, every member's SHA-256, size and row count. Exit 0 only when all hold.",
            "With --restore-test also restores it into a scratch database, compares the counts, drops the scratch"
                    + " database and records the verification in the configured database."
        })
public class VerifyCommand implements Callable<Integer> {

    @Mixin
    CommandContext context;

    @Parameters(
            paramLabel = "ARCHIVE",
            description =
                    "The backup archive (.zip, or .zip.enc when encrypted), or s3://bucket/key of its off-site copy.")
    String archive;

    @Option(names = "--restore-test", description = "Also restore into a scratch database and compare counts.")
    boolean restoreTest;

    @Mixin
    ScratchOption scratch;

    @Mixin
    VersionMismatchOption versionMismatch;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = context.out();
        try (ArchiveArgument source = ArchiveArgument.open(archive, context.environment(), out)) {
            Path file = source.path();
            if (restoreTest) {
                var verification = context.bean(VerificationService.class)
                        .verifyWithRestore(file, source.name(), scratch.kind(), versionMismatch.allowed(), out);
                verification.restore().print(out);
                out.println("OK: " + source.name() + " verified by a test restore ("
                        + verification.restore().rows() + " rows); recorded.");
            } else {
                Manifest manifest = ArchiveVerifier.verify(file);
                out.println("OK: " + source.name() + " (" + Sizes.human(Files.size(file)) + ", "
                        + manifest.members().size() + " members, " + manifest.totalRows() + " rows, schema version "
                        + manifest.schema().version() + ", app " + manifest.appVersion() + ", created "
                        + manifest.createdAt() + ")");
            }
            return 0;
        } catch (ArchiveException | RestoreRefusedException e) {
            context.err().println("FAILED: " + archive + ": " + e.getMessage());
            return 1;
        }
    }
}
