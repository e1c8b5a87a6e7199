package org.inventarioti.ops.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Opens an archive only when it is complete and its manifest is intact, then serves members as
 * streams that check their SHA-256, size and row count when read to the end.
 */
public final class ArchiveReader implements AutoCloseable {

    private final Path path;
    private final ZipFile zip;
    private final Manifest manifest;
    private final Path decrypted;
    private final boolean encrypted;

    private ArchiveReader(Path path, ZipFile zip, Manifest manifest, Path decrypted) {
        this.path = path;
        this.zip = zip;
        this.manifest = manifest;
        this.decrypted = decrypted;
        this.encrypted = decrypted != null;
    }

    /** Opens with the keys of this process's environment ({@link BackupKeys#fromEnvironment()}). */
    public static ArchiveReader open(Path path) {
        return open(path, BackupKeys.fromEnvironment());
    }

    /**
     * An encrypted archive is first decrypted — streaming, every chunk authenticated — into a
     * temporary file readable by its owner only, deleted on {@link #close}; the ZIP is read from it.
     */
    public static ArchiveReader open(Path path, BackupKeys keys) {
        if (!Files.isRegularFile(path)) {
            throw new ArchiveException(path + " does not exist or is not a file");
        }
        if (path.getFileName().toString().endsWith(ArchiveWriter.PARTIAL_SUFFIX)) {
            throw new ArchiveException(path.getFileName() + " is the partial file of an unfinished or crashed backup");
        }
        Path decrypted = null;
        try {
            if (ArchiveCipher.isEncrypted(path)) {
                decrypted = decrypt(path, keys);
            }
        } catch (IOException e) {
            throw new ArchiveException("cannot read " + path + ": " + e.getMessage(), e);
        }
        try {
            return open(path, decrypted);
        } catch (RuntimeException e) {
            deleteQuietly(decrypted);
            throw e;
        }
    }

    private static Path decrypt(Path path, BackupKeys keys) throws IOException {
        Path plain = Files.createTempFile(
                "inventario-decrypted-",
                ".zip",
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(path), 1 << 16);
                var out = new java.io.BufferedOutputStream(Files.newOutputStream(plain), 1 << 16)) {
            ArchiveCipher.decrypt(in, out, keys);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(plain);
            throw e;
        }
        return plain;
    }

    private static ArchiveReader open(Path path, Path decrypted) {
        ZipFile zip;
        try {
            zip = new ZipFile((decrypted != null ? decrypted : path).toFile());
        } catch (ZipException e) {
            throw new ArchiveException(
                    "not a complete archive (truncated, or from a crashed backup): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ArchiveException("cannot read " + path + ": " + e.getMessage(), e);
        }
        try {
            return new ArchiveReader(path, zip, readManifest(zip), decrypted);
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    private static Manifest readManifest(ZipFile zip) {
        ZipEntry json = zip.getEntry(ArchiveWriter.MANIFEST);
        ZipEntry digest = zip.getEntry(ArchiveWriter.MANIFEST_SHA256);
        if (json == null || digest == null) {
            throw new ArchiveException("manifest missing: the archive is partial (its backup never finished)");
        }
        byte[] bytes = readAll(zip, json);
        String recorded = new String(readAll(zip, digest), StandardCharsets.US_ASCII)
                .trim()
                .split("\\s+")[0];
        if (!ArchiveWriter.sha256(bytes).equals(recorded)) {
            throw new ArchiveException("manifest.json was altered: its SHA-256 does not match manifest.json.sha256");
        }
        Manifest manifest = ManifestJson.read(bytes);
        if (!Manifest.FORMAT.equals(manifest.format())) {
            throw new ArchiveException("not an Inventario-TI backup (format " + manifest.format() + ")");
        }
        if (manifest.formatVersion() > Manifest.FORMAT_VERSION) {
            throw new ArchiveException("archive format " + manifest.formatVersion()
                    + " is newer than this release understands (" + Manifest.FORMAT_VERSION + ")");
        }
        checkMembers(zip, manifest);
        return manifest;
    }

    private static void checkMembers(ZipFile zip, Manifest manifest) {
        Set<String> listed = new HashSet<>();
        for (Manifest.Member member : manifest.members()) {
            if (!safeName(member.name()) || !listed.add(member.name())) {
                throw new ArchiveException("manifest lists an invalid or duplicate member: " + member.name());
            }
            if (zip.getEntry(member.name()) == null) {
                throw new ArchiveException("member " + member.name() + " is missing from the archive");
            }
        }
        for (Manifest.Table table : manifest.tables()) {
            Manifest.Member member = manifest.member(table.member())
                    .orElseThrow(() -> new ArchiveException("table " + table.name() + " has no listed member"));
            if (member.rows() == null || member.rows() != table.rows()) {
                throw new ArchiveException("manifest is inconsistent: table " + table.name() + " row counts differ");
            }
        }
        for (ZipEntry entry : Collections.list(zip.entries())) {
            String name = entry.getName();
            if (!listed.contains(name)
                    && !name.equals(ArchiveWriter.MANIFEST)
                    && !name.equals(ArchiveWriter.MANIFEST_SHA256)) {
                throw new ArchiveException("unexpected member " + name + " (not in the manifest)");
            }
        }
    }

    private static boolean safeName(String name) {
        return !name.isEmpty() && !name.startsWith("/") && !name.contains("..") && !name.contains("\\");
    }

    private static byte[] readAll(ZipFile zip, ZipEntry entry) {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readNBytes(1 << 24);
        } catch (IOException e) {
            throw new ArchiveException("member " + entry.getName() + " is unreadable: " + e.getMessage(), e);
        }
    }

    public Manifest manifest() {
        return manifest;
    }

    public Path path() {
        return path;
    }

    /**
     * The member's bytes. Reading to the end throws {@link ArchiveException} when they differ from the
     * manifest; {@link CheckedStream#verify()} says whether the whole member was read and matched.
     */
    public CheckedStream member(String name) {
        Manifest.Member member =
                manifest.member(name).orElseThrow(() -> new ArchiveException("no member " + name + " in the manifest"));
        try {
            return new CheckedStream(zip.getInputStream(zip.getEntry(name)), member);
        } catch (IOException e) {
            throw new ArchiveException("member " + name + " is unreadable: " + e.getMessage(), e);
        }
    }

    /** Whether the archive file is encrypted ({@link ArchiveCipher}). */
    public boolean encrypted() {
        return encrypted;
    }

    @Override
    public void close() {
        closeQuietly(zip);
        deleteQuietly(decrypted);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file; the next boot's tmp cleaning takes it
            }
        }
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            // nothing was written
        }
    }

    /** A member stream that checks itself at its end. */
    public static final class CheckedStream extends FilterInputStream {
        private final Manifest.Member member;
        private final MemberDigest digest = new MemberDigest();
        private boolean checked;

        CheckedStream(InputStream in, Manifest.Member member) {
            super(in);
            this.member = member;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = super.read(buffer, offset, length);
            } catch (ZipException | java.io.EOFException e) {
                throw new ArchiveException("member " + member.name() + " is corrupt: " + e.getMessage(), e);
            }
            if (n < 0) {
                check();
            } else {
                digest.update(buffer, offset, n);
                if (digest.bytes() > member.bytes()) {
                    throw new ArchiveException("member " + member.name() + " is longer than the manifest says");
                }
            }
            return n;
        }

        @Override
        public long skip(long n) {
            throw new UnsupportedOperationException("members are read whole");
        }

        private void check() {
            if (checked) {
                return;
            }
            checked = true;
            if (digest.bytes() != member.bytes()) {
                throw new ArchiveException("member " + member.name() + " is truncated: " + digest.bytes() + " of "
                        + member.bytes() + " bytes");
            }
            if (!digest.finish().equals(member.sha256())) {
                throw new ArchiveException("member " + member.name() + " was altered: SHA-256 mismatch");
            }
            if (member.rows() != null && member.rows() != digest.rows()) {
                throw new ArchiveException("member " + member.name() + " holds " + digest.rows()
                        + " rows, the manifest says " + member.rows());
            }
        }

        /** Reads whatever is left and checks; returns the member's row count. */
        public long drainAndVerify() throws IOException {
            byte[] buffer = new byte[1 << 16];
            while (read(buffer, 0, buffer.length) >= 0) {
                // reading checks
            }
            return digest.rows();
        }

        public long rowsRead() {
            return digest.rows();
        }

        public boolean verified() {
            return checked;
        }
    }
}
