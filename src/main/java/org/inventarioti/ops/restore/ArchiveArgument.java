package org.inventarioti.ops.restore;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.inventarioti.ops.archive.Sizes;
import org.inventarioti.ops.offsite.LocalCopy;
import org.inventarioti.ops.offsite.Offsite;
import org.inventarioti.ops.offsite.OffsiteStore;
import org.inventarioti.ops.offsite.S3Address;
import org.springframework.core.env.Environment;

/**
 * The ARCHIVE of {@code restore} and {@code verify}: a local file, or {@code s3://bucket/key}
 * downloaded first (with the {@code INVENTARIO_BACKUP_S3_*} endpoint and the SDK's credentials) to
 * a mode-600 temporary file that is removed on close; a truncated or altered download is refused.
 */
final class ArchiveArgument implements AutoCloseable {

    private final Path path;
    private final String name;
    private final LocalCopy copy;

    private ArchiveArgument(Path path, String name, LocalCopy copy) {
        this.path = path;
        this.name = name;
        this.copy = copy;
    }

    static ArchiveArgument open(String argument, Environment environment, PrintWriter out) throws IOException {
        if (!S3Address.isAddress(argument)) {
            Path local = Path.of(argument).toAbsolutePath();
            return new ArchiveArgument(local, local.toString(), null);
        }
        S3Address address;
        try {
            address = S3Address.parse(argument);
        } catch (IllegalArgumentException e) {
            throw new org.inventarioti.ops.archive.ArchiveException(e.getMessage());
        }
        out.println("Downloading " + address + " ...");
        try (OffsiteStore store = Offsite.fromEnvironment(environment).open(address)) {
            LocalCopy copy = store.download(address);
            out.println("Downloaded " + Sizes.human(java.nio.file.Files.size(copy.file())) + ", SHA-256 as uploaded");
            return new ArchiveArgument(copy.file(), address.toString(), copy);
        } catch (software.amazon.awssdk.core.exception.SdkException | IllegalArgumentException e) {
            throw new org.inventarioti.ops.archive.ArchiveException(
                    "cannot download " + address + " ("
                            + Offsite.fromEnvironment(environment).properties().describe() + "): " + e.getMessage(),
                    e);
        }
    }

    /** The file to read. */
    Path path() {
        return path;
    }

    /** How the archive is named in messages and in the verification record. */
    String name() {
        return name;
    }

    @Override
    public void close() {
        if (copy != null) {
            copy.close();
        }
    }
}
