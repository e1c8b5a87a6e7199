package org.inventarioti.ops.archive;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The archive keys: {@code INVENTARIO_BACKUP_KEY} (base64 of 32 random bytes) encrypts new
 * archives; {@code INVENTARIO_BACKUP_KEYS_OLD} (comma or space separated) only decrypts, so
 * archives made before a rotation stay readable. A key is known by its id (a digest, safe to show);
 * messages never hold a key.
 */
public final class BackupKeys {

    public static final String CURRENT = "INVENTARIO_BACKUP_KEY";
    public static final String OLD = "INVENTARIO_BACKUP_KEYS_OLD";
    public static final String ENCRYPT = "INVENTARIO_BACKUP_ENCRYPT";
    static final int KEY_BYTES = 32;
    static final int ID_BYTES = 8;

    /** One key and its id. */
    public record Key(String id, SecretKey secret) {
        @Override
        public String toString() {
            return "Key[" + id + "]";
        }
    }

    private final Key current;
    private final List<Key> old;
    private final boolean required;
    private final List<String> problems;

    private BackupKeys(Key current, List<Key> old, boolean required, List<String> problems) {
        this.current = current;
        this.old = List.copyOf(old);
        this.required = required;
        this.problems = List.copyOf(problems);
    }

    public static BackupKeys none() {
        return new BackupKeys(null, List.of(), false, List.of());
    }

    /** Keys from this process's environment. */
    public static BackupKeys fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** Parses without throwing; {@link #problems()} says what is wrong, naming variables, never values. */
    public static BackupKeys fromEnvironment(Map<String, String> environment) {
        List<String> problems = new ArrayList<>();
        Key current = null;
        String value = environment.get(CURRENT);
        if (value != null && !value.isBlank()) {
            current = parse(CURRENT, value.trim(), problems);
        }
        List<Key> old = new ArrayList<>();
        String oldValues = environment.get(OLD);
        if (oldValues != null) {
            int index = 0;
            for (String one : oldValues.trim().split("[,\\s]+")) {
                index++;
                if (!one.isEmpty()) {
                    Key key = parse(OLD + " (entry " + index + ")", one, problems);
                    if (key != null) {
                        old.add(key);
                    }
                }
            }
        }
        String encrypt = environment.getOrDefault(ENCRYPT, "").trim();
        if (!encrypt.isEmpty() && !encrypt.equals("true") && !encrypt.equals("false")) {
            problems.add(ENCRYPT + " must be true or false");
        }
        boolean required = encrypt.equals("true");
        if (required && current == null && problems.stream().noneMatch(p -> p.startsWith(CURRENT))) {
            problems.add(ENCRYPT + "=true but " + CURRENT + " is not set");
        }
        return new BackupKeys(current, old, required, problems);
    }

    /** Keys made in code (tests, tools): {@code current} may be null. */
    public static BackupKeys of(byte[] current, byte[]... old) {
        List<Key> olds = new ArrayList<>();
        for (byte[] key : old) {
            olds.add(key(key));
        }
        return new BackupKeys(current == null ? null : key(current), olds, false, List.of());
    }

    private static Key parse(String variable, String base64, List<String> problems) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            problems.add(variable + " is not valid base64 (make one with: openssl rand -base64 32)");
            return null;
        }
        if (bytes.length != KEY_BYTES) {
            problems.add(variable + " must decode to " + KEY_BYTES + " bytes, it decodes to " + bytes.length
                    + " (make one with: openssl rand -base64 32)");
            return null;
        }
        return key(bytes);
    }

    private static Key key(byte[] bytes) {
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("a backup key is " + KEY_BYTES + " bytes");
        }
        var digest = MemberDigest.sha256();
        digest.update("inventario-backup-key-id".getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
        byte[] id = java.util.Arrays.copyOf(digest.digest(), ID_BYTES);
        return new Key(MemberDigest.hex(id), new SecretKeySpec(bytes, "AES"));
    }

    /** The key new archives are encrypted with; empty: archives are written in the clear. */
    public Optional<Key> current() {
        return Optional.ofNullable(current);
    }

    public List<Key> old() {
        return old;
    }

    public List<String> problems() {
        return problems;
    }

    /** True when {@code INVENTARIO_BACKUP_ENCRYPT=true} or a key is set. */
    public boolean encryptionConfigured() {
        return required || current != null;
    }

    /** Throws when the configuration is unusable, so no backup is written in the clear by mistake. */
    public BackupKeys checked() {
        if (!problems.isEmpty()) {
            throw new ArchiveException("backup encryption is misconfigured: " + String.join("; ", problems));
        }
        return this;
    }

    Optional<Key> byId(String id) {
        if (current != null && current.id().equals(id)) {
            return Optional.of(current);
        }
        return old.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    /** The ids this process can decrypt, for a refusal's message. */
    String known() {
        List<String> ids = new ArrayList<>();
        if (current != null) {
            ids.add(current.id() + " (" + CURRENT + ")");
        }
        old.forEach(k -> ids.add(k.id() + " (" + OLD + ")"));
        return ids.isEmpty() ? "no key is set (" + CURRENT + ", " + OLD + ")" : "known keys: " + String.join(", ", ids);
    }
}
