package org.inventarioti.ops.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Streams members into a ZIP under a hidden temporary name in the target directory. Only {@link
 * #commit} — after the manifest, the last members, are written and the file is fsynced — gives it
 * its final name; closing without committing deletes it. A killed process leaves at most a {@code
 * .partial} file without a manifest, which no reader accepts. Hashing and deflating happen on a
 * second thread ({@link HandOff}), so the thread feeding a member (COPY) never waits for them.
 */
public final class ArchiveWriter implements AutoCloseable {

    public static final String MANIFEST = "manifest.json";
    public static final String MANIFEST_SHA256 = "manifest.json.sha256";
    static final String PARTIAL_SUFFIX = ".partial";

    private final Path temporary;
    private final Path target;
    final FileChannel channel; // package-private: a test breaks it to simulate a failing disk
    private final ZipOutputStream zip;
    private final List<Manifest.Member> members = new ArrayList<>();
    private final HandOff handOff;
    private boolean committed;

    private ArchiveWriter(Path temporary, Path target, int level, BackupKeys.Key key, OutputStream copy)
            throws IOException {
        this.temporary = temporary;
        this.target = target;
        // The archive holds password hashes: readable by its owner only (0600) from its first byte.
        this.channel = temporary.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? FileChannel.open(
                        temporary,
                        java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")))
                : FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        // The channel outlives the ZIP stream: commit closes the stream (the last encrypted chunk), then fsyncs.
        OutputStream file = new java.io.FilterOutputStream(java.nio.channels.Channels.newOutputStream(channel)) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
                if (copy != null) {
                    copy.write(bytes, offset, length);
                }
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        this.zip = new ZipOutputStream(
                new BufferedOutputStream(key == null ? file : ArchiveCipher.encrypting(file, key), 1 << 16));
        this.zip.setLevel(level);
        this.handOff = new HandOff("archive-writer");
    }

    /** A writer for {@code target}; the data goes to a {@code .name.<pid>.partial} file next to it. */
    public static ArchiveWriter create(Path target, int level) throws IOException {
        return create(target, level, null);
    }

    /** As {@link #create(Path, int)}, encrypted with {@code key} when it is not null ({@link ArchiveCipher}). */
    public static ArchiveWriter create(Path target, int level, BackupKeys.Key key) throws IOException {
        return create(target, level, key, null);
    }

    /**
     * As {@link #create(Path, int, BackupKeys.Key)}, and every byte written to the file is also
     * written to {@code copy} (an upload streaming the archive as it grows), in order; the writer
     * never closes it.
     */
    public static ArchiveWriter create(Path target, int level, BackupKeys.Key key, OutputStream copy)
            throws IOException {
        ManifestJson.warmUpInBackground();
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temporary = dir.resolve(
                "." + target.getFileName() + "." + ProcessHandle.current().pid() + PARTIAL_SUFFIX);
        return new ArchiveWriter(temporary, target.toAbsolutePath(), level, key, copy);
    }

    /** Fastest deflate: the archive is about 20% larger than at the default level and written twice as fast. */
    public static ArchiveWriter create(Path target) throws IOException {
        return create(target, Deflater.BEST_SPEED);
    }

    public interface Body {
        void writeTo(OutputStream out) throws Exception;
    }

    /** Writes one member; {@code body} must not close the stream it is given. */
    public Manifest.Member member(String name, boolean countRows, Body body) throws Exception {
        MemberDigest digest = new MemberDigest();
        zip.putNextEntry(new ZipEntry(name));
        HandOff.Stream out = handOff.open((buffer, length) -> {
            digest.update(buffer, 0, length);
            zip.write(buffer, 0, length);
        });
        body.writeTo(out);
        out.finish();
        zip.closeEntry();
        Manifest.Member member =
                new Manifest.Member(name, digest.bytes(), digest.finish(), countRows ? digest.rows() : null);
        members.add(member);
        return member;
    }

    public List<Manifest.Member> members() {
        return List.copyOf(members);
    }

    /** Writes the manifest (with the members written so far), fsyncs and renames. Returns the final path. */
    public Path commit(Manifest manifest) throws IOException {
        handOff.close();
        byte[] json = ManifestJson.write(manifest);
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(json);
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(MANIFEST_SHA256));
        zip.write((sha256(json) + "  " + MANIFEST + "\n").getBytes(StandardCharsets.US_ASCII));
        zip.closeEntry();
        zip.finish();
        zip.close();
        channel.force(true);
        channel.close();
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        fsyncDirectory(target.getParent());
        return target;
    }

    static String sha256(byte[] bytes) {
        return MemberDigest.hex(MemberDigest.sha256().digest(bytes));
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // Some file systems cannot fsync a directory; the rename itself is still atomic.
        }
    }

    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        handOff.abort();
        try {
            zip.close();
        } catch (IOException | RuntimeException e) {
            // the partial file is deleted below either way
        } finally {
            channel.close();
            Files.deleteIfExists(temporary);
        }
    }

    /** Removes partial files left by backups whose process is gone. */
    public static void removeAbandonedPartials(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(PARTIAL_SUFFIX) && !ownerAlive(name)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static boolean ownerAlive(String partialName) {
        String withoutSuffix = partialName.substring(0, partialName.length() - PARTIAL_SUFFIX.length());
        String pid = withoutSuffix.substring(withoutSuffix.lastIndexOf('.') + 1);
        try {
            return ProcessHandle.of(Long.parseLong(pid))
                    .map(ProcessHandle::isAlive)
                    .orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
