package org.inventarioti.ops.backup;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.inventarioti.cli.CommandContext;
import org.inventarioti.cli.ProgressBar;
import org.inventarioti.config.ConfiguredDatabase;
import org.inventarioti.ops.archive.BackupResult;
import org.inventarioti.ops.archive.BackupService;
import org.inventarioti.ops.offsite.Offsite;
import org.inventarioti.ops.offsite.OffsiteStore;
import org.inventarioti.ops.offsite.StreamingUpload;
import org.inventarioti.ops.restore.ScratchOption;
import org.inventarioti.ops.restore.VerificationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "backup",
        description = {
            "Backs up the database (DB_* environment, or the embedded one) into one verified archive:"
                    + " a consistent snapshot, every table through COPY, a manifest with checksums.",
            "The archive appears under its final name only when complete."
        })
public class BackupCommand implements Callable<Integer> {

    @Mixin
    CommandContext context;

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
            names = "--offsite",
            description = "Then copy the (encrypted) archive to the INVENTARIO_BACKUP_S3_* bucket and read it back to"
                    + " compare its SHA-256. The bucket's retention is the nightly job's.")
    boolean offsite;

    @Mixin
    ScratchOption scratch;

    /**
     * An external database needs no application context (the backup is faster for it); the
     * embedded one starts it, and so does {@code --verify}, which records the verification.
     */
    @Override
    public Integer call() throws Exception {
        if (keep != null && keep < 1) {
            throw context.usage("--keep must be at least 1");
        }
        Offsite copy = offsite ? Offsite.fromEnvironment(context.environment()) : null;
        if (copy != null && !copy.configured()) {
            throw context.usage("--offsite needs INVENTARIO_BACKUP_S3_BUCKET (and the endpoint, region, credentials)");
        }
        // the S3 client is built and the bucket asked while the backup runs (class loading, TLS, signing)
        java.util.concurrent.CompletableFuture<OffsiteStore> connecting = copy == null
                ? null
                : java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    OffsiteStore store = copy.open();
                    try {
                        store.checkBucket();
                    } catch (RuntimeException e) {
                        store.close();
                        throw e;
                    }
                    return store;
                });
        PrintWriter out = context.out();
        ConfiguredDatabase database = context.database();
        out.println("Backing up " + database.describe() + " ...");
        BackupResult result;
        // the encrypted archive goes up in parts while it is written; a plain one is not sent (refused below)
        StreamingUpload[] streaming = new StreamingUpload[1];
        try {
            result = BackupService.standalone()
                    .backup(
                            database.database(),
                            database.embedded(),
                            output != null ? output : database.backupDir(),
                            new TableProgress(ProgressBar.on(out)),
                            name -> copy == null || !name.endsWith(BackupService.ENCRYPTED_SUFFIX)
                                    ? null
                                    : (streaming[0] = copy.startUpload(connecting, name)));
        } catch (Exception e) {
            if (streaming[0] != null) {
                streaming[0].abort(e);
            }
            if (connecting != null) {
                connecting.thenAccept(OffsiteStore::close);
            }
            throw e;
        }
        out.println(result.summary());
        if (verify) {
            VerificationService.Verification verification;
            try {
                verification = context.bean(VerificationService.class)
                        .verifyWithRestore(result.archive(), scratch.kind(), false, out);
            } catch (Exception e) {
                if (streaming[0] != null) {
                    streaming[0].abort(e);
                }
                throw e;
            }
            out.println(
                    "Verified: test restore matched " + verification.restore().rows() + " rows; recorded.");
        }
        if (copy != null) {
            out.println("Copying to " + copy.properties().describe() + " ...");
            try (OffsiteStore store = opened(connecting, streaming[0])) {
                OffsiteStore.Uploaded uploaded;
                try {
                    uploaded = streaming[0] != null
                            ? streaming[0].finish(result.archive())
                            : store.upload(result.archive());
                } catch (org.inventarioti.ops.archive.ArchiveException e) {
                    context.err().println("off-site copy refused: " + e.getMessage());
                    return 1;
                }
                out.println("Off-site copy " + uploaded.address() + ": " + uploaded.parts() + " part(s)"
                        + (streaming[0] != null ? " sent while the archive was written" : "") + ", SHA-256 "
                        + uploaded.sha256() + " matched, " + uploaded.checkedBy() + " ("
                        + String.format(
                                java.util.Locale.ROOT,
                                "upload %.2f s%s, check %.2f s",
                                uploaded.uploadSeconds(),
                                streaming[0] != null ? " after the backup" : "",
                                uploaded.checkSeconds())
                        + ").");
            }
        }
        if (keep != null) {
            for (Path removed : Retention.prune(result.archive().getParent(), keep)) {
                out.println("Removed old backup " + removed.getFileName());
            }
        }
        return 0;
    }

    private static OffsiteStore opened(
            java.util.concurrent.CompletableFuture<OffsiteStore> connecting, StreamingUpload streaming) {
        try {
            return connecting.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (streaming != null) {
                streaming.abort(e);
            }
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
