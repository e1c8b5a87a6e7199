package org.inventarioti.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Copies an archive while changing, dropping or adding members: the tampering the tests try. */
public final class ArchiveSurgery {

    private ArchiveSurgery() {}

    /** {@code change} gets each member's name and bytes and returns new bytes, or null to drop the member. */
    public static Path rewrite(Path archive, Path to, MemberChange change) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile());
                OutputStream file = Files.newOutputStream(to);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                byte[] changed = change.apply(entry.getName(), bytes);
                if (changed != null) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    out.write(changed);
                    out.closeEntry();
                }
            }
            change.extra(out);
        }
        return to;
    }

    public interface MemberChange {
        byte[] apply(String name, byte[] bytes) throws IOException;

        default void extra(ZipOutputStream out) throws IOException {}
    }

    /** Edits manifest.json and, when {@code reseal}, rewrites manifest.json.sha256 to match. */
    public static Path editManifest(Path archive, Path to, UnaryOperator<String> edit, boolean reseal)
            throws IOException {
        byte[][] manifest = new byte[1][];
        try (ZipFile zip = new ZipFile(archive.toFile());
                InputStream in = zip.getInputStream(zip.getEntry("manifest.json"))) {
            manifest[0] = edit.apply(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
        }
        return rewrite(archive, to, (name, bytes) -> {
            if (name.equals("manifest.json")) {
                return manifest[0];
            }
            if (name.equals("manifest.json.sha256") && reseal) {
                return (sha256(manifest[0]) + "  manifest.json\n").getBytes(StandardCharsets.US_ASCII);
            }
            return bytes;
        });
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
