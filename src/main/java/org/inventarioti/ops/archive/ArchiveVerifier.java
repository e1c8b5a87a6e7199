package org.inventarioti.ops.archive;

import java.io.IOException;
import java.nio.file.Path;

/** Checks an archive completely: manifest, structure, and every member's bytes, size and rows. */
public final class ArchiveVerifier {

    private ArchiveVerifier() {}

    /** Returns the manifest of a sound archive; throws {@link ArchiveException} saying what is wrong otherwise. */
    public static Manifest verify(Path archive) {
        return verify(archive, BackupKeys.fromEnvironment());
    }

    public static Manifest verify(Path archive, BackupKeys keys) {
        try (ArchiveReader reader = ArchiveReader.open(archive, keys)) {
            for (Manifest.Member member : reader.manifest().members()) {
                try (ArchiveReader.CheckedStream in = reader.member(member.name())) {
                    in.drainAndVerify();
                } catch (IOException e) {
                    throw new ArchiveException("member " + member.name() + " is unreadable: " + e.getMessage(), e);
                }
            }
            return reader.manifest();
        }
    }

    /** SHA-256 of the whole archive file, as recorded with a verification. */
    public static String fileSha256(Path archive) throws IOException {
        var digest = MemberDigest.sha256();
        try (var in = java.nio.file.Files.newInputStream(archive)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return MemberDigest.hex(digest.digest());
    }
}
