package org.inventarioti.ops.offsite;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.util.HexFormat;
import org.inventarioti.ops.archive.ArchiveException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** An archive downloaded from the bucket and checked against its size and recorded SHA-256. */
final class CheckedDownload {

    private CheckedDownload() {}

    /**
     * Downloads an archive into a new mode-700 folder as a mode-600 file named like the object; a
     * download shorter than the object, or whose SHA-256 is not the one recorded at upload, is
     * deleted and refused.
     */
    static LocalCopy download(S3Client s3, S3Address address) throws IOException {
        Path folder = LocalCopy.newFolder();
        Path file = LocalCopy.newFile(folder, address.name());
        try {
            var head = headObject(s3, address);
            long expected = head.contentLength();
            String recorded = head.metadata().get(OffsiteStore.SHA256);
            long bytes;
            String sha256;
            try (var in = new DigestInputStream(
                            s3.getObject(r -> r.bucket(address.bucket()).key(address.key())),
                            OffsiteStore.sha256Digest());
                    OutputStream out = Files.newOutputStream(file)) {
                bytes = in.transferTo(out);
                sha256 = HexFormat.of().formatHex(in.getMessageDigest().digest());
            } catch (IOException | RuntimeException e) {
                throw new ArchiveException(
                        "the download of " + address + " broke off (" + Files.size(file) + " of " + expected
                                + " bytes): refused",
                        e);
            }
            if (bytes != expected) {
                throw new ArchiveException("the download of " + address + " is truncated (" + bytes + " of " + expected
                        + " bytes): refused");
            }
            if (recorded != null && !recorded.equalsIgnoreCase(sha256)) {
                throw new ArchiveException(address + " does not match the SHA-256 recorded at upload (" + recorded
                        + "; downloaded " + sha256 + "): refused");
            }
            return new LocalCopy(folder, file, address);
        } catch (IOException | RuntimeException e) {
            LocalCopy.remove(folder);
            throw e;
        }
    }

    private static HeadObjectResponse headObject(S3Client s3, S3Address address) {
        try {
            return s3.headObject(r -> r.bucket(address.bucket()).key(address.key()));
        } catch (NoSuchKeyException e) {
            throw new ArchiveException("no archive " + address);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new ArchiveException("no archive " + address);
            }
            throw e;
        }
    }
}
