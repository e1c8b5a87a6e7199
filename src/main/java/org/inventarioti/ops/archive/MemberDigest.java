package org.inventarioti.ops.archive;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, byte count and COPY-text row count (one newline per row) of a member as it streams. */
final class MemberDigest {

    private final MessageDigest sha256;
    private long bytes;
    private long rows;

    MemberDigest() {
        sha256 = sha256();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    void update(byte[] buffer, int offset, int length) {
        sha256.update(buffer, offset, length);
        bytes += length;
        for (int i = offset, end = offset + length; i < end; i++) {
            if (buffer[i] == '\n') {
                rows++;
            }
        }
    }

    void update(int b) {
        update(new byte[] {(byte) b}, 0, 1);
    }

    long bytes() {
        return bytes;
    }

    long rows() {
        return rows;
    }

    String finish() {
        return hex(sha256.digest());
    }
}
