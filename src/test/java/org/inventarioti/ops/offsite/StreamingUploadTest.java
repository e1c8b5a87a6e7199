package org.inventarioti.ops.offsite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.inventarioti.ops.OpsFixtures;
import org.inventarioti.ops.archive.ArchiveCipher;
import org.inventarioti.ops.archive.ArchiveException;
import org.inventarioti.ops.archive.ArchiveVerifier;
import org.inventarioti.ops.archive.BackupKeys;
import org.inventarioti.ops.archive.BackupProgress;
import org.inventarioti.ops.archive.BackupResult;
import org.inventarioti.ops.archive.BackupService;
import org.inventarioti.support.S3Server;
import org.inventarioti.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The upload that follows the archive while it is written (S3Mock in its own process, 5 MiB parts):
 * parts go up before the writer is done, the object appears only at {@link StreamingUpload#finish}
 * and is byte for byte the file; a writer that fails, a file that is not what was sent, a store
 * that refuses a part and a plain archive leave no object and no upload.
 */
class StreamingUploadTest {

    static final byte[] KEY = OffsiteStoreTest.key(31);
    static final S3Server S3 = S3Server.get();
    static final String NAME = "inventario-backup-20261201T013000000Z.zip.enc";

    @TempDir
    Path dir;

    /** Writes {@code mib} MiB of random bytes, encrypted, to the file and the upload at once, as the archive writer does. */
    private Path writeEncrypted(OutputStream upload, int mib) throws IOException {
        Path file = dir.resolve(NAME);
        byte[] plain = new byte[mib * 1024 * 1024];
        new Random(mib).nextBytes(plain);
        try (var out = ArchiveCipher.encrypting(tee(Files.newOutputStream(file), upload), keyOf())) {
            for (int offset = 0; offset < plain.length; offset += 1 << 16) {
                out.write(plain, offset, Math.min(1 << 16, plain.length - offset));
            }
        }
        return file;
    }

    private static BackupKeys.Key keyOf() {
        return BackupKeys.of(KEY).current().orElseThrow();
    }

    private static OutputStream tee(OutputStream file, OutputStream copy) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int offset, int length) throws IOException {
                file.write(b, offset, length);
                copy.write(b, offset, length);
            }

            @Override
            public void close() throws IOException {
                file.close();
            }
        };
    }

    @Test
    void partsGoUpWhileTheArchiveIsWrittenAndTheObjectAppearsIntactOnlyAtTheEnd() throws Exception {
        String bucket = S3.bucket();
        try (OffsiteStore store = S3.offsite(bucket, "nightly").open();
                S3Client s3 = S3.client()) {
            StreamingUpload upload = store.startUpload(NAME);
            Path file = writeEncrypted(upload, 12);
            // the writer is done, finish not called: two full parts are up (or going), no object
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partsUploaded(s3, bucket) < 2) {
                assertThat(System.nanoTime()).as("two parts up before finish").isLessThan(deadline);
                Thread.sleep(20);
            }
            assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).isEmpty();
            assertThat(store.archives()).isEmpty();

            OffsiteStore.Uploaded uploaded = upload.finish(file);
            assertThat(uploaded.parts()).isEqualTo(3); // 5 + 5 + 2 MiB and the cipher's overhead
            assertThat(uploaded.sha256()).isEqualTo(ArchiveVerifier.fileSha256(file));
            // S3Mock 4.11 returns no SHA-256 for the copy that records it: the object is read back
            assertThat(uploaded.checkedBy()).isEqualTo(OffsiteStore.READ_BACK);
            var head = s3.headObject(r -> r.bucket(bucket).key("nightly/" + NAME));
            assertThat(head.contentLength()).isEqualTo(Files.size(file));
            assertThat(head.metadata()).containsEntry(OffsiteStore.SHA256, uploaded.sha256());
            assertThat(s3.listMultipartUploads(r -> r.bucket(bucket)).uploads()).isEmpty();
            try (LocalCopy copy = store.download(uploaded.address())) {
                assertThat(Files.mismatch(copy.file(), file)).isEqualTo(-1);
            }
        }
    }

    @Test
    void aBackupStreamedThroughTheArchiveWriterArrivesByteForByte() throws Exception {
        String bucket = S3.bucket();
        StreamingUpload[] upload = new StreamingUpload[1];
        try (TestDatabase.Scratch source = OpsFixtures.migrated(null);
                var from = source.connect();
                OffsiteStore store = S3.offsite(bucket, "").open()) {
            OpsFixtures.sampleData(from, 30);
            BackupResult result = BackupService.standalone(BackupKeys.of(KEY))
                    .backup(
                            OpsFixtures.database(source),
                            false,
                            dir,
                            BackupProgress.NONE,
                            name -> upload[0] = store.startUpload(name));
            OffsiteStore.Uploaded uploaded = upload[0].finish(result.archive());
            assertThat(uploaded.address().name())
                    .isEqualTo(result.archive().getFileName().toString());
            try (LocalCopy copy = store.download(uploaded.address())) {
                assertThat(Files.mismatch(copy.file(), result.archive())).isEqualTo(-1);
                ArchiveVerifier.verify(copy.file(), BackupKeys.of(KEY));
            }
        }
    }

    @Test
    void aWriterThatFailsMidWayLeavesNoObjectAndNoUpload() throws Exception {
        String bucket = S3.bucket();
        try (OffsiteStore store = S3.offsite(bucket, "").open();
                S3Client s3 = S3.client()) {
            StreamingUpload upload = store.startUpload(NAME);
            byte[] bytes = new byte[7 * 1024 * 1024];
            new Random(7).nextBytes(bytes);
            upload.write(bytes, 0, bytes.length); // one part sent, 2 MiB waiting
            upload.abort(new IOException("COPY failed"));
            assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).isEmpty();
            assertThat(s3.listMultipartUploads(r -> r.bucket(bucket)).uploads()).isEmpty();
            assertThatThrownBy(() -> upload.write(bytes, 0, 1)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aFileThatIsNotWhatWasSentIsNotCompleted() throws Exception {
        String bucket = S3.bucket();
        try (OffsiteStore store = S3.offsite(bucket, "").open();
                S3Client s3 = S3.client()) {
            StreamingUpload upload = store.startUpload(NAME);
            Path file = writeEncrypted(upload, 6);
            byte[] altered = Files.readAllBytes(file);
            altered[altered.length - 100] ^= 1;
            Files.write(file, altered);
            assertThatThrownBy(() -> upload.finish(file))
                    .isInstanceOf(ArchiveException.class)
                    .hasMessageContaining("is not what was uploaded");
            assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).isEmpty();
            assertThat(s3.listMultipartUploads(r -> r.bucket(bucket)).uploads()).isEmpty();
        }
    }

    @Test
    void aStoreThatRefusesTheUploadFailsItAtTheEndButNotTheWriter() throws Exception {
        try (OffsiteStore store =
                S3.offsite("no-such-bucket-" + System.nanoTime(), "").open()) {
            StreamingUpload upload = store.startUpload(NAME);
            Path file = writeEncrypted(upload, 6); // the writes do not throw
            assertThat(Files.size(file)).isGreaterThan(6L * 1024 * 1024);
            assertThatThrownBy(() -> upload.finish(file))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("the off-site upload of s3://no-such-bucket-");
        }
    }

    @Test
    void aPlainArchiveIsRefusedAndNothingIsLeft() throws Exception {
        String bucket = S3.bucket();
        try (OffsiteStore store = S3.offsite(bucket, "").open();
                S3Client s3 = S3.client()) {
            StreamingUpload upload = store.startUpload("inventario-backup-20261201T013000000Z.zip");
            Path file = dir.resolve("inventario-backup-20261201T013000000Z.zip");
            byte[] plain = new byte[1024 * 1024];
            new Random(3).nextBytes(plain);
            try (var out = tee(Files.newOutputStream(file), upload)) {
                out.write(plain);
            }
            assertThatThrownBy(() -> upload.finish(file))
                    .isInstanceOf(ArchiveException.class)
                    .hasMessageContaining("is not encrypted");
            assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).isEmpty();
            assertThat(s3.listMultipartUploads(r -> r.bucket(bucket)).uploads()).isEmpty();
        }
    }

    private static int partsUploaded(S3Client s3, String bucket) {
        var uploads = s3.listMultipartUploads(r -> r.bucket(bucket)).uploads();
        if (uploads.isEmpty()) {
            return 0;
        }
        var upload = uploads.get(0);
        return s3.listParts(r -> r.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()))
                .parts()
                .size();
    }
}
