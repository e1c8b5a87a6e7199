package org.inventarioti.ops.offsite;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.inventarioti.ops.archive.ArchiveCipher;
import org.inventarioti.ops.archive.ArchiveException;
import org.inventarioti.ops.archive.ArchiveVerifier;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * An off-site upload fed with the archive's bytes while the backup writes them (the archive
 * writer's copy stream): every full part goes up at once, at most {@code inFlight} at a time on a
 * small pool of the sync client, the writer waiting only when that many are still going up. Writes
 * never throw: a failed part is remembered and the local backup goes on. {@link #finish} — after
 * the archive is committed — sends the last part, checks that the file on disk is byte for byte
 * what was sent (its size and SHA-256), only then completes the multipart upload, records the
 * SHA-256 in the object's metadata and reads the object back. Until completion nothing is visible
 * in the bucket; {@link #abort} (a failed backup) or a kill leaves only an incomplete upload.
 */
public final class StreamingUpload extends OutputStream {

    /** Two parts going up at once: the second one's request is sent while the first one's is answered. */
    static final int PARTS_IN_FLIGHT = 2;

    private final CompletableFuture<OffsiteStore> store;
    private final S3Address address;
    private final CompletableFuture<String> uploadId;
    private final ExecutorService pool;
    private final Semaphore inFlight;
    private final List<CompletableFuture<CompletedPart>> parts = new ArrayList<>();
    private final MessageDigest sha256 = OffsiteStore.sha256Digest();
    private final int partSize;
    private final long started = System.nanoTime();
    private byte[] buffer;
    private int filled;
    private long bytes;
    private volatile Throwable failure;
    private boolean ended;

    /** {@code store} may still be connecting: the first part waits for it, the writer does not. */
    StreamingUpload(CompletableFuture<OffsiteStore> store, S3Address address, long partSizeBytes, int inFlight) {
        this.store = store;
        this.address = address;
        this.inFlight = new Semaphore(inFlight);
        this.pool = Executors.newFixedThreadPool(inFlight, r -> {
            Thread thread = new Thread(r, "offsite-upload");
            thread.setDaemon(true);
            return thread;
        });
        this.partSize = (int) Math.min(Integer.MAX_VALUE - 16, partSizeBytes);
        this.uploadId = store.thenApplyAsync(s -> s.createUpload(address, Map.of()), pool);
        this.uploadId.whenComplete((id, e) -> remember(e));
    }

    public S3Address address() {
        return address;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int offset, int length) {
        if (ended) {
            throw new IllegalStateException("the upload of " + address + " is finished");
        }
        sha256.update(b, offset, length);
        bytes += length;
        while (length > 0 && failure == null) {
            if (buffer == null) {
                buffer = new byte[partSize];
            }
            int n = Math.min(length, buffer.length - filled);
            System.arraycopy(b, offset, buffer, filled, n);
            filled += n;
            offset += n;
            length -= n;
            if (filled == buffer.length) {
                send();
            }
        }
    }

    private void send() {
        byte[] part = buffer;
        int length = filled;
        int number = parts.size() + 1;
        buffer = null;
        filled = 0;
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            remember(e);
            return;
        }
        CompletableFuture<CompletedPart> sent =
                uploadId.thenApplyAsync(id -> store.join().uploadPart(address, id, number, part, length), pool);
        sent.whenComplete((p, e) -> {
            inFlight.release();
            remember(e);
        });
        parts.add(sent);
    }

    private void remember(Throwable e) {
        if (e != null && failure == null) {
            failure = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        }
    }

    /**
     * The archive is written and committed as {@code archive}: the last part, the check that the
     * file is what was sent, completion, the SHA-256 recorded, the read-back. Any failure aborts.
     */
    public synchronized OffsiteStore.Uploaded finish(Path archive) throws IOException {
        ended = true;
        long finishing = System.nanoTime();
        try {
            if (!ArchiveCipher.isEncrypted(archive)) {
                throw new ArchiveException(archive.getFileName() + " is not encrypted: the off-site copy takes only"
                        + " encrypted archives (set INVENTARIO_BACKUP_KEY)");
            }
            if (failure == null && (filled > 0 || parts.isEmpty())) {
                send();
            }
            String sent = HexFormat.of().formatHex(sha256.digest());
            // read while the last parts go up: the page cache still holds the file
            String local = ArchiveVerifier.fileSha256(archive);
            long size = Files.size(archive);
            List<CompletedPart> completed = new ArrayList<>();
            for (CompletableFuture<CompletedPart> part : parts) {
                completed.add(part.exceptionally(e -> null).join());
            }
            if (failure != null) {
                throw new IOException("the off-site upload of " + address + " failed: " + failure, failure);
            }
            if (size != bytes || !local.equals(sent)) {
                throw new ArchiveException(archive + " (" + size + " bytes, SHA-256 " + local
                        + ") is not what was uploaded (" + bytes + " bytes, " + sent + "): not completed");
            }
            OffsiteStore s3 = store.join();
            if (size > OffsiteStore.MAX_COPY) {
                // too large to copy onto itself with the SHA-256: sent again from the file, with it from the start
                s3.abortUpload(address, uploadId.join(), new IOException("over 5 GiB"));
                return s3.upload(archive);
            }
            s3.complete(address, uploadId.join(), completed);
            long uploaded = System.nanoTime();
            String checkedBy = check(s3, size, local);
            return new OffsiteStore.Uploaded(
                    address,
                    size,
                    local,
                    completed.size(),
                    (uploaded - finishing) / 1e9,
                    (System.nanoTime() - uploaded) / 1e9,
                    checkedBy);
        } catch (IOException | RuntimeException e) {
            abortQuietly(e);
            throw e;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The completed object gets its SHA-256 recorded; the store's own SHA-256 of the copy (AWS
     * computes it when asked) must be the file's, or, from a store that computes none (S3Mock 4.11),
     * the object read back must match. Otherwise (or when recording fails) the object is deleted.
     */
    private String check(OffsiteStore s3, long size, String local) throws IOException {
        String stored;
        try {
            stored = s3.recordSha256(address, local);
        } catch (RuntimeException e) {
            // a complete object without its recorded SHA-256 is not left behind
            s3.delete(address);
            throw e;
        }
        if (stored == null || !stored.matches("[A-Za-z0-9+/]{43}=")) {
            // none, or not a whole-object SHA-256 (e.g. a store's composite "…-N"): read it back
            s3.verifyUploaded(address, size, local);
            return OffsiteStore.READ_BACK;
        }
        String expected = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(local));
        if (!stored.equals(expected)) {
            s3.delete(address);
            throw new ArchiveException("the off-site copy " + address + " has SHA-256 " + stored
                    + " in the store, not the archive's " + expected + ": deleted");
        }
        return OffsiteStore.STORE_SHA256;
    }

    /** Seconds since the upload started (the backup's start), for reports. */
    public double secondsSinceStart() {
        return (System.nanoTime() - started) / 1e9;
    }

    /** The backup failed: the parts in flight are waited for and the multipart upload is aborted. */
    public synchronized void abort(Throwable cause) {
        ended = true;
        try {
            abortQuietly(cause);
        } finally {
            pool.shutdown();
        }
    }

    private void abortQuietly(Throwable cause) {
        for (CompletableFuture<CompletedPart> part : parts) {
            part.exceptionally(e -> null).join();
        }
        try {
            String id = uploadId.join();
            store.join().abortUpload(address, id, cause);
        } catch (RuntimeException e) {
            // no upload was created (the store did not answer): nothing to abort
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        // the archive writer closes its copy stream; finish or abort ends the upload
    }
}
