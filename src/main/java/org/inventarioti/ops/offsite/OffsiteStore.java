package org.inventarioti.ops.offsite;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.inventarioti.ops.archive.ArchiveCipher;
import org.inventarioti.ops.archive.ArchiveException;
import org.inventarioti.ops.archive.ArchiveVerifier;
import org.inventarioti.ops.archive.BackupService;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One connection to the off-site bucket. An archive goes up as a multipart upload under its final
 * key — S3 shows no object until the upload is completed, so a killed upload leaves nothing that
 * looks like an archive (only an incomplete upload, which {@link #abortIncomplete} removes) — each
 * part with its Content-MD5 (the store refuses a part damaged on the way), the whole file's
 * SHA-256 in the object's metadata ({@code x-amz-meta-sha256}). After completion the object is
 * read back and its SHA-256 compared with the local file's; a mismatch deletes it and fails.
 */
public final class OffsiteStore implements AutoCloseable {

    /** The object metadata holding the archive's SHA-256 (hex). */
    public static final String SHA256 = "sha256";

    private final OffsiteProperties properties;
    private final S3Client s3;

    OffsiteStore(OffsiteProperties properties, AwsCredentialsProvider credentials) {
        this.properties = properties;
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofMinutes(2))
                        .build())
                .region(Region.of(properties.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(properties.pathStyle())
                // S3-compatible stores differ in the SDK's newer default checksums; the MD5 and
                // SHA-256 checks here are explicit and work on all of them
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (properties.endpoint() != null) {
            builder.endpointOverride(properties.endpoint());
        }
        this.s3 = builder.build();
    }

    /** A copy of an archive in the bucket, verified. */
    public record Uploaded(
            S3Address address,
            long bytes,
            String sha256,
            int parts,
            double uploadSeconds,
            double checkSeconds,
            String checkedBy) {}

    /** How {@link Uploaded#checkedBy} names the read-back check. */
    public static final String READ_BACK = "read back";

    /** How {@link Uploaded#checkedBy} names the check against the store's own SHA-256 of the object. */
    public static final String STORE_SHA256 = "computed by the store";

    public OffsiteProperties properties() {
        return properties;
    }

    public S3Address address(String name) {
        return new S3Address(properties.bucket(), properties.prefix() + name);
    }

    /** Uploads an encrypted archive under {@code <prefix><file name>}; refuses one that is not encrypted. */
    public Uploaded upload(Path archive) throws IOException {
        if (!ArchiveCipher.isEncrypted(archive)) {
            throw new ArchiveException(archive.getFileName() + " is not encrypted: the off-site copy takes only"
                    + " encrypted archives (set INVENTARIO_BACKUP_KEY)");
        }
        String sha256 = ArchiveVerifier.fileSha256(archive);
        try (InputStream in = Files.newInputStream(archive)) {
            return upload(in, Files.size(archive), sha256, archive.getFileName().toString());
        }
    }

    /** Uploads {@code size} bytes of {@code in}; an exception aborts the multipart upload. */
    Uploaded upload(InputStream in, long size, String sha256, String name) throws IOException {
        S3Address address = address(name);
        long started = System.nanoTime();
        String uploadId = createUpload(address, Map.of(SHA256, sha256));
        List<CompletedPart> parts = new ArrayList<>();
        try {
            byte[] buffer = new byte[(int) Math.min(properties.partSizeBytes(), Math.max(size, 1))];
            long sent = 0;
            int number = 1;
            do {
                int length = in.readNBytes(buffer, 0, (int) Math.min(buffer.length, size - sent));
                if (length == 0 && size > 0) {
                    throw new IOException(name + " ended after " + sent + " of " + size + " bytes");
                }
                parts.add(uploadPart(address, uploadId, number, buffer, length));
                sent += length;
                number++;
            } while (sent < size);
            complete(address, uploadId, parts);
        } catch (IOException | RuntimeException e) {
            abortUpload(address, uploadId, e);
            throw e;
        }
        long uploaded = System.nanoTime();
        verifyUploaded(address, size, sha256);
        return new Uploaded(
                address,
                size,
                sha256,
                parts.size(),
                (uploaded - started) / 1e9,
                (System.nanoTime() - uploaded) / 1e9,
                READ_BACK);
    }

    /**
     * An upload of the archive {@code name} that takes its bytes while the archive is being written
     * ({@link StreamingUpload}): parts go up as they fill, nothing is visible until it is finished.
     */
    public StreamingUpload startUpload(String name) {
        return new StreamingUpload(
                java.util.concurrent.CompletableFuture.completedFuture(this),
                address(name),
                properties.partSizeBytes(),
                StreamingUpload.PARTS_IN_FLIGHT);
    }

    String createUpload(S3Address address, Map<String, String> metadata) {
        return s3.createMultipartUpload(r -> r.bucket(address.bucket())
                        .key(address.key())
                        .contentType("application/octet-stream")
                        .metadata(metadata))
                .uploadId();
    }

    /** One part with its Content-MD5, so the store refuses a part damaged on the way. */
    CompletedPart uploadPart(S3Address address, String uploadId, int part, byte[] buffer, int length) {
        String md5 = Base64.getEncoder().encodeToString(digest("MD5", buffer, length));
        String etag = s3.uploadPart(
                        r -> r.bucket(address.bucket())
                                .key(address.key())
                                .uploadId(uploadId)
                                .partNumber(part)
                                .contentLength((long) length)
                                .contentMD5(md5),
                        RequestBody.fromContentProvider(
                                () -> new ByteArrayInputStream(buffer, 0, length), length, "application/octet-stream"))
                .eTag();
        return CompletedPart.builder().partNumber(part).eTag(etag).build();
    }

    void complete(S3Address address, String uploadId, List<CompletedPart> parts) {
        s3.completeMultipartUpload(r ->
                r.bucket(address.bucket()).key(address.key()).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
    }

    void abortUpload(S3Address address, String uploadId, Throwable cause) {
        try {
            s3.abortMultipartUpload(
                    r -> r.bucket(address.bucket()).key(address.key()).uploadId(uploadId));
        } catch (RuntimeException abort) {
            cause.addSuppressed(abort);
        }
    }

    /** The largest object S3 copies in one request. */
    static final long MAX_COPY = 5L * 1024 * 1024 * 1024;

    /**
     * Records the SHA-256 (hex) of a completed object of at most {@link #MAX_COPY} bytes in its
     * metadata: a copy onto itself, done by the store (no bytes through here), asking it for the
     * copy's SHA-256. Returns that SHA-256 (base64) as the store computed it over the stored
     * object, or null when the store computes none.
     */
    String recordSha256(S3Address address, String sha256) {
        return s3.copyObject(r -> r.sourceBucket(address.bucket())
                        .sourceKey(address.key())
                        .destinationBucket(address.bucket())
                        .destinationKey(address.key())
                        .metadataDirective(software.amazon.awssdk.services.s3.model.MetadataDirective.REPLACE)
                        .contentType("application/octet-stream")
                        .checksumAlgorithm(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.SHA256)
                        .metadata(Map.of(SHA256, sha256)))
                .copyObjectResult()
                .checksumSHA256();
    }

    /** Reads the object back: its size and SHA-256 must be the local file's, or it is deleted. */
    void verifyUploaded(S3Address address, long size, String sha256) throws IOException {
        String remote;
        long bytes;
        try (var in = new DigestInputStream(
                s3.getObject(r -> r.bucket(address.bucket()).key(address.key())), sha256Digest())) {
            bytes = in.transferTo(OutputStream.nullOutputStream());
            remote = HexFormat.of().formatHex(in.getMessageDigest().digest());
        }
        if (bytes != size || !remote.equals(sha256)) {
            delete(address);
            throw new ArchiveException("the off-site copy " + address + " read back " + bytes + " bytes with SHA-256 "
                    + remote + ", not the archive's " + size + " bytes with " + sha256 + ": deleted");
        }
    }

    /** The complete archives under the prefix (objects whose name is an archive's). */
    public List<RemoteArchive> archives() {
        List<RemoteArchive> archives = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(
                        r -> r.bucket(properties.bucket()).prefix(properties.prefix()))
                .contents()) {
            String rest = object.key().substring(properties.prefix().length());
            if (rest.contains("/") || !BackupService.isArchiveName(Path.of(rest))) {
                continue;
            }
            archives.add(new RemoteArchive(
                    new S3Address(properties.bucket(), object.key()),
                    object.size(),
                    BackupService.snapshotTime(rest).orElse(object.lastModified()),
                    object.lastModified()));
        }
        return archives;
    }

    public void delete(S3Address address) {
        s3.deleteObject(r -> r.bucket(address.bucket()).key(address.key()));
    }

    /** Aborts the uploads under the prefix that were started before {@code olderThan} ago and never completed. */
    public List<String> abortIncomplete(Duration olderThan) {
        Instant before = Instant.now().minus(olderThan);
        List<String> aborted = new ArrayList<>();
        for (MultipartUpload upload : s3.listMultipartUploadsPaginator(
                        r -> r.bucket(properties.bucket()).prefix(properties.prefix()))
                .uploads()) {
            if (upload.initiated() == null || !upload.initiated().isAfter(before)) {
                s3.abortMultipartUpload(
                        r -> r.bucket(properties.bucket()).key(upload.key()).uploadId(upload.uploadId()));
                aborted.add(upload.key());
            }
        }
        return aborted;
    }

    /** The bucket answers with these credentials (preflight). */
    public void checkBucket() {
        s3.headBucket(r -> r.bucket(properties.bucket()));
    }

    /**
     * Downloads an archive into a new mode-700 folder as a mode-600 file named like the object; a
     * download shorter than the object, or whose SHA-256 is not the one recorded at upload, is
     * deleted and refused ({@link CheckedDownload}).
     */
    public LocalCopy download(S3Address address) throws IOException {
        return CheckedDownload.download(s3, address);
    }

    private static byte[] digest(String algorithm, byte[] buffer, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            digest.update(buffer, 0, length);
            return digest.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
