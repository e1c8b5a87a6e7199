package org.inventarioti.ops.archive;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption at rest: AES-256-GCM in independently authenticated chunks, so an archive of any
 * size streams through a fixed buffer. The file is a header (magic, format, key id, a random salt,
 * chunk size) and chunks of {@link #CHUNK} plaintext bytes plus a 16-byte tag; the last chunk is
 * shorter (possibly empty). Each file has its own AES key (HMAC-SHA256 of the salt under the
 * configured key), each chunk's nonce is its index, and its associated data is the header, its
 * index and whether it is the last — so a changed byte, a dropped, repeated or reordered chunk and
 * a cut anywhere are refused. Format: {@code docs/operations/backup-restore.md}.
 */
public final class ArchiveCipher {

    static final byte[] MAGIC = "INVTIENC".getBytes(StandardCharsets.US_ASCII);
    static final byte VERSION = 1;
    static final int CHUNK = 1 << 18;
    static final int TAG_BYTES = 16;
    static final int SALT_BYTES = 32;
    static final int HEADER_BYTES = MAGIC.length + 1 + BackupKeys.ID_BYTES + SALT_BYTES + 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ArchiveCipher() {}

    public static boolean isEncrypted(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        }
    }

    /** A stream that encrypts into {@code out}; closing it writes the last chunk and closes {@code out}. */
    public static OutputStream encrypting(OutputStream out, BackupKeys.Key key) throws IOException {
        return new Encrypting(out, key, CHUNK);
    }

    static OutputStream encrypting(OutputStream out, BackupKeys.Key key, int chunk) throws IOException {
        return new Encrypting(out, key, chunk);
    }

    /** Decrypts {@code in} into {@code out}; throws {@link ArchiveException} naming what is wrong. */
    public static void decrypt(InputStream in, OutputStream out, BackupKeys keys) throws IOException {
        byte[] header = in.readNBytes(HEADER_BYTES);
        if (header.length < HEADER_BYTES || !Arrays.equals(Arrays.copyOf(header, MAGIC.length), MAGIC)) {
            throw new ArchiveException("not an encrypted archive, or its header is truncated");
        }
        ByteBuffer fields = ByteBuffer.wrap(header, MAGIC.length, HEADER_BYTES - MAGIC.length);
        byte version = fields.get();
        if (version != VERSION) {
            throw new ArchiveException("encryption format " + version + " is not one this release reads");
        }
        byte[] id = new byte[BackupKeys.ID_BYTES];
        fields.get(id);
        byte[] salt = new byte[SALT_BYTES];
        fields.get(salt);
        int chunk = fields.getInt();
        if (chunk < 1 || chunk > (1 << 24)) {
            throw new ArchiveException("the encryption header is altered (chunk size " + chunk + ")");
        }
        String keyId = MemberDigest.hex(id);
        BackupKeys.Key key = keys.byId(keyId)
                .orElseThrow(() -> new ArchiveException("the archive is encrypted with key " + keyId
                        + ", which is not configured (" + keys.known() + "): set the key it was made with in "
                        + BackupKeys.CURRENT + " or " + BackupKeys.OLD));
        SecretKey fileKey = fileKey(key, salt);
        Cipher cipher = cipher();
        for (long index = 0; ; index++) {
            byte[] sealed = in.readNBytes(chunk + TAG_BYTES);
            boolean last = sealed.length < chunk + TAG_BYTES;
            if (last && sealed.length < TAG_BYTES) {
                throw new ArchiveException("the archive is truncated: it ends inside or before chunk " + index
                        + " without its final chunk");
            }
            try {
                cipher.init(Cipher.DECRYPT_MODE, fileKey, nonce(index));
                cipher.updateAAD(aad(header, index, last));
                out.write(cipher.doFinal(sealed));
            } catch (AEADBadTagException e) {
                throw new ArchiveException(
                        last
                                ? "the archive is truncated or altered: its last chunk (" + index
                                        + ") fails authentication"
                                : "the archive was altered: chunk " + index
                                        + " fails authentication (changed, reordered or from another archive)");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM unavailable", e);
            }
            if (last) {
                if (in.read() >= 0) {
                    throw new ArchiveException("the archive has data after its final chunk: it was altered");
                }
                return;
            }
        }
    }

    private static SecretKey fileKey(BackupKeys.Key key, byte[] salt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.secret().getEncoded(), "HmacSHA256"));
            mac.update("inventario-backup-file-key".getBytes(StandardCharsets.US_ASCII));
            return new SecretKeySpec(mac.doFinal(salt), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static Cipher cipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static GCMParameterSpec nonce(long index) {
        return new GCMParameterSpec(
                TAG_BYTES * 8, ByteBuffer.allocate(12).putInt(0).putLong(index).array());
    }

    private static byte[] aad(byte[] header, long index, boolean last) {
        return ByteBuffer.allocate(header.length + 9)
                .put(header)
                .putLong(index)
                .put((byte) (last ? 1 : 0))
                .array();
    }

    private static final class Encrypting extends FilterOutputStream {
        private final byte[] header;
        private final SecretKey fileKey;
        private final Cipher cipher = cipher();
        private final byte[] buffer;
        private int length;
        private long index;
        private boolean closed;

        Encrypting(OutputStream out, BackupKeys.Key key, int chunk) throws IOException {
            super(out);
            byte[] salt = new byte[SALT_BYTES];
            RANDOM.nextBytes(salt);
            this.header = ByteBuffer.allocate(HEADER_BYTES)
                    .put(MAGIC)
                    .put(VERSION)
                    .put(java.util.HexFormat.of().parseHex(key.id()))
                    .put(salt)
                    .putInt(chunk)
                    .array();
            this.fileKey = fileKey(key, salt);
            this.buffer = new byte[chunk];
            out.write(header);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int count) throws IOException {
            while (count > 0) {
                int n = Math.min(count, buffer.length - length);
                System.arraycopy(bytes, offset, buffer, length, n);
                length += n;
                offset += n;
                count -= n;
                if (length == buffer.length) {
                    seal(false); // a full chunk is never the last: the last is always shorter
                }
            }
        }

        private void seal(boolean last) throws IOException {
            try {
                cipher.init(Cipher.ENCRYPT_MODE, fileKey, nonce(index));
                cipher.updateAAD(aad(header, index, last));
                out.write(cipher.doFinal(buffer, 0, length));
            } catch (GeneralSecurityException e) {
                throw new IOException("encrypting the archive failed: " + e.getMessage(), e);
            }
            index++;
            length = 0;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                seal(true);
                out.flush();
            } finally {
                out.close();
            }
        }
    }
}
