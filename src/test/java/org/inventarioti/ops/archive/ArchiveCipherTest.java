package org.inventarioti.ops.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Chunked AES-256-GCM: round trips, and every way an encrypted archive can be wrong is refused. */
class ArchiveCipherTest {

    private static final int CHUNK = 1000;
    private static final byte[] KEY = bytes(32, 1);
    private static final byte[] OTHER = bytes(32, 2);

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] encrypt(byte[] plain, byte[] key) throws Exception {
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        try (OutputStream out =
                ArchiveCipher.encrypting(sealed, BackupKeys.of(key).current().orElseThrow(), CHUNK)) {
            out.write(plain, 0, plain.length / 3);
            out.write(plain, plain.length / 3, plain.length - plain.length / 3);
        }
        return sealed.toByteArray();
    }

    private static byte[] decrypt(byte[] sealed, BackupKeys keys) throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ArchiveCipher.decrypt(new ByteArrayInputStream(sealed), plain, keys);
        return plain.toByteArray();
    }

    private static String refusal(byte[] sealed, BackupKeys keys) {
        try {
            decrypt(sealed, keys);
        } catch (ArchiveException e) {
            return e.getMessage();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted");
    }

    @Test
    void roundTripsAnyLengthIncludingExactChunkMultiples() throws Exception {
        for (int length : new int[] {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 7}) {
            byte[] plain = bytes(length, length);
            byte[] sealed = encrypt(plain, KEY);
            assertThat(decrypt(sealed, BackupKeys.of(KEY)))
                    .as("length %d", length)
                    .isEqualTo(plain);
            int chunks = length / CHUNK + 1; // the last chunk is always shorter than CHUNK
            assertThat(sealed).hasSize(ArchiveCipher.HEADER_BYTES + length + chunks * ArchiveCipher.TAG_BYTES);
        }
    }

    @Test
    void sameDataTwiceGivesDifferentCiphertexts() throws Exception {
        byte[] plain = bytes(2500, 9);
        assertThat(encrypt(plain, KEY)).isNotEqualTo(encrypt(plain, KEY));
        byte[] sealed = encrypt(plain, KEY);
        assertThat(Arrays.equals(
                        Arrays.copyOfRange(sealed, ArchiveCipher.HEADER_BYTES, ArchiveCipher.HEADER_BYTES + 100),
                        Arrays.copyOf(plain, 100)))
                .isFalse();
    }

    @Test
    void anOldKeyListedAfterARotationStillReads() throws Exception {
        byte[] plain = bytes(2500, 3);
        byte[] sealedWithOld = encrypt(plain, KEY);
        assertThat(decrypt(sealedWithOld, BackupKeys.of(OTHER, KEY))).isEqualTo(plain);
        assertThat(decrypt(sealedWithOld, BackupKeys.of(null, OTHER, KEY))).isEqualTo(plain);
    }

    @Test
    void aWrongOrMissingKeyIsRefusedNamingTheKeyId() throws Exception {
        byte[] sealed = encrypt(bytes(2500, 4), KEY);
        String id = BackupKeys.of(KEY).current().orElseThrow().id();
        String otherId = BackupKeys.of(OTHER).current().orElseThrow().id();
        assertThat(refusal(sealed, BackupKeys.of(OTHER)))
                .contains("encrypted with key " + id, "not configured", otherId, "INVENTARIO_BACKUP_KEYS_OLD");
        assertThat(refusal(sealed, BackupKeys.none())).contains(id, "no key is set");
    }

    @Test
    void aChangedByteAnywhereIsRefused() throws Exception {
        byte[] sealed = encrypt(bytes(3 * CHUNK + 7, 5), KEY);
        for (int position = 0; position < sealed.length; position += 37) {
            byte[] copy = sealed.clone();
            copy[position] ^= 0x10;
            assertThat(refusal(copy, BackupKeys.of(KEY)))
                    .as("byte %d", position)
                    .isNotBlank();
        }
        byte[] copy = sealed.clone();
        copy[ArchiveCipher.HEADER_BYTES + CHUNK / 2] ^= 1;
        assertThat(refusal(copy, BackupKeys.of(KEY))).contains("altered", "chunk 0 fails authentication");
    }

    @Test
    void aTruncatedArchiveIsRefusedWhereverItIsCut() throws Exception {
        byte[] sealed = encrypt(bytes(3 * CHUNK + 7, 6), KEY);
        int sealedChunk = CHUNK + ArchiveCipher.TAG_BYTES;
        for (int length = 0; length < sealed.length; length++) {
            byte[] cut = Arrays.copyOf(sealed, length);
            String refusal = refusal(cut, BackupKeys.of(KEY));
            assertThat(refusal).as("cut at %d", length).containsAnyOf("truncated", "header");
        }
        // cut exactly after a whole chunk: no final chunk follows
        byte[] atBoundary = Arrays.copyOf(sealed, ArchiveCipher.HEADER_BYTES + 2 * sealedChunk);
        assertThat(refusal(atBoundary, BackupKeys.of(KEY))).contains("truncated", "without its final chunk");
    }

    @Test
    void reorderedRepeatedOrAppendedChunksAreRefused() throws Exception {
        byte[] sealed = encrypt(bytes(3 * CHUNK + 7, 7), KEY);
        int h = ArchiveCipher.HEADER_BYTES;
        int c = CHUNK + ArchiveCipher.TAG_BYTES;
        byte[] swapped = sealed.clone();
        System.arraycopy(sealed, h, swapped, h + c, c);
        System.arraycopy(sealed, h + c, swapped, h, c);
        assertThat(refusal(swapped, BackupKeys.of(KEY))).contains("chunk 0 fails authentication");

        byte[] appended = Arrays.copyOf(sealed, sealed.length + 1);
        assertThat(refusal(appended, BackupKeys.of(KEY))).contains("truncated or altered");

        byte[] other = encrypt(bytes(3 * CHUNK + 7, 7), KEY);
        byte[] spliced = sealed.clone();
        System.arraycopy(other, h + c, spliced, h + c, c); // a chunk from another archive, same key
        assertThat(refusal(spliced, BackupKeys.of(KEY))).contains("chunk 1 fails authentication");
    }

    @Test
    void keysAreCheckedWithoutEverShowingThem() {
        String good = Base64.getEncoder().encodeToString(KEY);
        String short16 = Base64.getEncoder().encodeToString(bytes(16, 1));
        BackupKeys keys = BackupKeys.fromEnvironment(
                Map.of(BackupKeys.CURRENT, short16, BackupKeys.OLD, good + ", not*base64", BackupKeys.ENCRYPT, "yes"));
        assertThat(keys.problems())
                .containsExactly(
                        "INVENTARIO_BACKUP_KEY must decode to 32 bytes, it decodes to 16 (make one with: openssl rand"
                                + " -base64 32)",
                        "INVENTARIO_BACKUP_KEYS_OLD (entry 2) is not valid base64 (make one with: openssl rand -base64"
                                + " 32)",
                        "INVENTARIO_BACKUP_ENCRYPT must be true or false");
        assertThat(String.join(" ", keys.problems())).doesNotContain(good, short16, "not*base64");
        assertThat(keys.old()).hasSize(1);
        assertThatThrownBy(keys::checked).isInstanceOf(ArchiveException.class).hasMessageContaining("misconfigured");

        BackupKeys required = BackupKeys.fromEnvironment(Map.of(BackupKeys.ENCRYPT, "true"));
        assertThat(required.problems())
                .containsExactly("INVENTARIO_BACKUP_ENCRYPT=true but INVENTARIO_BACKUP_KEY is not set");

        BackupKeys ok = BackupKeys.fromEnvironment(Map.of(BackupKeys.CURRENT, " " + good + "\n"));
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.current().orElseThrow().id())
                .hasSize(16)
                .isEqualTo(BackupKeys.of(KEY).current().orElseThrow().id());
        assertThat(ok.current().orElseThrow().toString()).doesNotContain(good);
        assertThat(BackupKeys.fromEnvironment(Map.of()).encryptionConfigured()).isFalse();
    }
}
