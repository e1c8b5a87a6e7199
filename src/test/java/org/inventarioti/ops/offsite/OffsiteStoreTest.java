package org.inventarioti.ops.offsite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.inventarioti.ops.OpsFixtures;
import org.inventarioti.ops.archive.ArchiveCipher;
import org.inventarioti.ops.archive.ArchiveException;
import org.inventarioti.ops.archive.ArchiveVerifier;
import org.inventarioti.ops.archive.BackupKeys;
import org.inventarioti.ops.archive.BackupProgress;
import org.inventarioti.ops.archive.BackupResult;
import org.inventarioti.ops.archive.BackupService;
import org.inventarioti.ops.restore.RestoreOptions;
import org.inventarioti.ops.restore.RestoreReport;
import org.inventarioti.ops.restore.RestoreService;
import org.inventarioti.support.S3Server;
import org.inventarioti.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The off-site copy against a real S3-compatible server (S3Mock in its own process): upload with
 * the read-back check, download into a mode-600 file, and every refusal — a plain archive, an
 * aborted or killed upload, a truncated download, a tampered object, the wrong key.
 */
class OffsiteStoreTest {

    static final byte[] KEY = key(21);
    static final byte[] OTHER_KEY = key(22);
    static final S3Server S3 = S3Server.get();

    @TempDir
    static Path shared;

    static BackupResult archive;

    @TempDir
    Path dir;

    static byte[] key(long seed) {
        byte[] b = new byte[32];
        new Random(seed).nextBytes(b);
        return b;
    }

    @BeforeAll
    static void anEncryptedArchive() throws Exception {
        try (TestDatabase.Scratch source = OpsFixtures.migrated(null);
                var from = source.connect()) {
            OpsFixtures.sampleData(from, 30);
            archive = BackupService.standalone(BackupKeys.of(KEY))
                    .backup(OpsFixtures.database(source), false, shared, BackupProgress.NONE);
        }
    }

    /** {@code mib} MiB of random bytes, encrypted like an archive, under an archive's name. */
    private Path encryptedFile(int mib) throws IOException {
        Path file = dir.resolve("inventario-backup-20261201T013000000Z.zip.enc");
        byte[] plain = new byte[mib * 1024 * 1024];
        new Random(mib).nextBytes(plain);
        try (var out = ArchiveCipher.encrypting(
                Files.newOutputStream(file), BackupKeys.of(KEY).current().orElseThrow())) {
            out.write(plain);
        }
        return file;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anArchiveGoesUpInPartsIsReadBackAndComesDownAsAMode600File() throws Exception {
        String bucket = S3.bucket();
        Path file = encryptedFile(12);
        try (OffsiteStore store = S3.offsite(bucket, "nightly").open()) {
            OffsiteStore.Uploaded uploaded = store.upload(file);
            assertThat(uploaded.parts()).isEqualTo(3); // 5 + 5 + 2 MiB
            assertThat(uploaded.address().toString()).isEqualTo("s3://" + bucket + "/nightly/" + file.getFileName());
            assertThat(uploaded.sha256()).isEqualTo(ArchiveVerifier.fileSha256(file));
            try (var s3 = S3.client()) {
                var head = s3.headObject(r -> r.bucket(bucket).key("nightly/" + file.getFileName()));
                assertThat(head.contentLength()).isEqualTo(Files.size(file));
                assertThat(head.metadata()).containsEntry(OffsiteStore.SHA256, uploaded.sha256());
            }
            assertThat(store.archives()).singleElement().satisfies(a -> {
                assertThat(a.name()).isEqualTo(file.getFileName().toString());
                assertThat(a.size()).isEqualTo(Files.size(file));
                assertThat(a.time()).isEqualTo("2026-12-01T01:30:00Z");
            });

            Path folder;
            try (LocalCopy copy = store.download(uploaded.address())) {
                folder = copy.folder();
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy.file())))
                        .isEqualTo("rw-------");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                        .isEqualTo("rwx------");
                assertThat(copy.file().getFileName()).isEqualTo(file.getFileName());
                assertThat(Files.mismatch(copy.file(), file)).isEqualTo(-1);
            }
            assertThat(folder).doesNotExist();
        }
    }

    @Test
    void anUnencryptedArchiveIsNotSentOffSite() throws Exception {
        Path plain = Files.write(dir.resolve("inventario-backup-20261201T013000000Z.zip"), new byte[] {'P', 'K', 3, 4});
        String bucket = S3.bucket();
        try (OffsiteStore store = S3.offsite(bucket, "").open()) {
            assertThatThrownBy(() -> store.upload(plain))
                    .isInstanceOf(ArchiveException.class)
                    .hasMessageContaining("is not encrypted");
            assertThat(store.archives()).isEmpty();
        }
    }

    @Test
    void anAbortedUploadLeavesNoObjectAndNoUpload() throws Exception {
        String bucket = S3.bucket();
        byte[] bytes = new byte[12 * 1024 * 1024];
        InputStream failing = new InputStream() {
            int read;

            @Override
            public int read() throws IOException {
                if (++read > 7 * 1024 * 1024) {
                    throw new IOException("disk read error");
                }
                return bytes[read - 1];
            }
        };
        try (OffsiteStore store = S3.offsite(bucket, "").open();
                var s3 = S3.client()) {
            assertThatThrownBy(() -> store.upload(
                            failing, bytes.length, sha256(bytes), "inventario-backup-20261201T013000000Z.zip.enc"))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("disk read error");
            assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).isEmpty();
            assertThat(s3.listMultipartUploads(r -> r.bucket(bucket)).uploads()).isEmpty();
        }
    }

    /**
     * A killed upload stops where it is: the state seen while the source blocks after its first
     * part is what a kill at that moment leaves. No object; the next run's clean-up aborts it.
     */
    @Test
    void aKilledUploadLeavesNothingThatLooksCompleteAndIsCleanedUpLater() throws Exception {
        String bucket = S3.bucket();
        String name = "inventario-backup-20261201T013000000Z.zip.enc";
        byte[] bytes = new byte[12 * 1024 * 1024];
        CountDownLatch never = new CountDownLatch(1);
        InputStream stalls = new InputStream() {
            int read;

            @Override
            public int read() throws IOException {
                if (read >= 6 * 1024 * 1024) {
                    try {
                        never.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IOException("killed");
                }
                return bytes[read++];
            }
        };
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        try (OffsiteStore store = S3.offsite(bucket, "p").open();
                var s3 = S3.client()) {
            Thread upload = new Thread(() -> {
                try {
                    store.upload(stalls, bytes.length, sha256(bytes), name);
                } catch (Throwable e) {
                    outcome.set(e);
                }
            });
            upload.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partsUploaded(s3, bucket) < 1) {
                assertThat(System.nanoTime()).as("the first part is uploaded").isLessThan(deadline);
                Thread.sleep(50);
            }
            assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).isEmpty();
            assertThat(store.archives()).isEmpty();
            assertThatThrownBy(() -> store.download(store.address(name)))
                    .isInstanceOf(ArchiveException.class)
                    .hasMessageContaining("no archive s3://" + bucket + "/p/" + name);
            // the next nightly run aborts uploads older than a day; here: any age
            assertThat(store.abortIncomplete(Duration.ofDays(1))).isEmpty();
            assertThat(store.abortIncomplete(Duration.ZERO)).containsExactly("p/" + name);
            assertThat(s3.listMultipartUploads(r -> r.bucket(bucket)).uploads()).isEmpty();
            never.countDown();
            upload.join(30_000);
            assertThat(outcome.get()).isNotNull();
            assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).isEmpty();
        }
    }

    private static int partsUploaded(software.amazon.awssdk.services.s3.S3Client s3, String bucket) {
        var uploads = s3.listMultipartUploads(r -> r.bucket(bucket)).uploads();
        if (uploads.isEmpty()) {
            return 0;
        }
        var upload = uploads.get(0);
        return s3.listParts(r -> r.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()))
                .parts()
                .size();
    }

    @Test
    void aTruncatedDownloadIsRefusedAndLeavesNoFile() throws Exception {
        String bucket = S3.bucket();
        Path file = encryptedFile(6);
        try (TruncatingProxy proxy = new TruncatingProxy(S3.endpoint())) {
            S3Address address;
            try (OffsiteStore store = S3.offsite(bucket, "").open()) {
                address = store.upload(file).address();
            }
            try (OffsiteStore cut = new Offsite(
                            new OffsiteProperties(bucket, "", proxy.endpoint(), "us-east-1", true, 5),
                            S3Server.credentials())
                    .open()) {
                long before = tempCopies();
                assertThatThrownBy(() -> cut.download(address))
                        .isInstanceOf(ArchiveException.class)
                        .hasMessageContaining("refused")
                        .hasMessageMatching("(?s).*(broke off|truncated).*");
                assertThat(tempCopies()).isEqualTo(before);
            }
        }
    }

    private static long tempCopies() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("inventario-s3-"))
                    .count();
        }
    }

    @Test
    void aTamperedObjectIsRefusedByItsChecksumAndByTheCipher() throws Exception {
        String bucket = S3.bucket();
        Path file = archive.archive();
        try (OffsiteStore store = S3.offsite(bucket, "").open();
                var s3 = S3.client()) {
            OffsiteStore.Uploaded uploaded = store.upload(file);
            byte[] tampered = Files.readAllBytes(file);
            tampered[tampered.length / 2] ^= 0x10;
            String key = uploaded.address().key();
            // the object altered, its recorded SHA-256 left: the download is refused
            s3.putObject(
                    r -> r.bucket(bucket).key(key).metadata(Map.of(OffsiteStore.SHA256, uploaded.sha256())),
                    RequestBody.fromBytes(tampered));
            assertThatThrownBy(() -> store.download(uploaded.address()))
                    .isInstanceOf(ArchiveException.class)
                    .hasMessageContaining("does not match the SHA-256 recorded at upload");
            // altered with a matching SHA-256 too: the archive's authentication refuses it
            s3.putObject(
                    r -> r.bucket(bucket).key(key).metadata(Map.of(OffsiteStore.SHA256, sha256(tampered))),
                    RequestBody.fromBytes(tampered));
            try (LocalCopy copy = store.download(uploaded.address())) {
                assertThatThrownBy(() -> ArchiveVerifier.verify(copy.file(), BackupKeys.of(KEY)))
                        .isInstanceOf(ArchiveException.class);
            }
        }
    }

    @Test
    void aCopyFromTheBucketRestoresWithItsKeyAndIsRefusedWithAnother() throws Exception {
        String bucket = S3.bucket();
        try (OffsiteStore store = S3.offsite(bucket, "site-a").open();
                TestDatabase.Scratch target = TestDatabase.get().scratch()) {
            OffsiteStore.Uploaded uploaded = store.upload(archive.archive());
            try (LocalCopy copy = store.download(uploaded.address())) {
                assertThatThrownBy(() -> ArchiveVerifier.verify(copy.file(), BackupKeys.of(OTHER_KEY)))
                        .isInstanceOf(ArchiveException.class)
                        .hasMessageContaining("is encrypted with key");
                StringWriter log = new StringWriter();
                RestoreReport report = RestoreService.standalone(BackupKeys.of(OTHER_KEY, KEY))
                        .restore(
                                copy.file(),
                                OpsFixtures.database(target),
                                new RestoreOptions(false, false, dir),
                                new PrintWriter(log));
                assertThat(report.countsMatch()).as(log.toString()).isTrue();
                assertThat(report.rows()).isEqualTo(archive.manifest().totalRows());
            }
        }
    }

    @Test
    void anAddressIsBucketAndKey() {
        assertThat(S3Address.parse("s3://b/dir/inventario-backup-x.zip.enc").name())
                .isEqualTo("inventario-backup-x.zip.enc");
        for (String bad : new String[] {"s3://", "s3://bucket", "s3://bucket/", "s3:///key", "file:///x"}) {
            assertThatThrownBy(() -> S3Address.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new OffsiteProperties("b", "", null, "us-east-1", false, 4))
                .hasMessageContaining("between 5 and 5120");
        assertThatThrownBy(() -> new OffsiteProperties("b", "", java.net.URI.create("ftp://x"), "us-east-1", false, 16))
                .hasMessageContaining("http:// or https://");
        assertThat(new OffsiteProperties("b", "/a/b", null, "us-east-1", false, 16).prefix())
                .isEqualTo("a/b/");
        assertThat(new OffsiteProperties("", "", null, "us-east-1", false, 16).configured())
                .isFalse();
    }
}
