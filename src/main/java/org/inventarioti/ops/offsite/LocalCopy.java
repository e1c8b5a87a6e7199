package org.inventarioti.ops.offsite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/** A downloaded off-site archive: a mode-600 file in its own mode-700 folder, both removed on close. */
public record LocalCopy(Path folder, Path file, S3Address address) implements AutoCloseable {

    static Path newFolder() throws IOException {
        return Files.createTempDirectory(
                "inventario-s3-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    static Path newFile(Path folder, String name) throws IOException {
        if (name.isBlank() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("no archive name in the key");
        }
        return Files.createFile(
                folder.resolve(name),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }

    static void remove(Path folder) {
        try (Stream<Path> tree = Files.walk(folder)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // best effort: the temp folder is the operator's to clean then
        }
    }

    @Override
    public void close() {
        remove(folder);
    }
}
