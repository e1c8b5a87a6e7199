package org.inventarioti.usuarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.inventarioti.config.InventarioProperties;
import org.inventarioti.config.ProductionSafetyCheck;
import org.springframework.util.StringUtils;

/**
 * The HS256 key: {@code JWT_SECRET} when set; otherwise (development) a random key generated
 * once per data directory and kept there with owner-only permissions, so tokens survive a restart.
 */
final class JwtSigningKey {

    static final String FILE_NAME = "jwt-secret";

    private JwtSigningKey() {}

    static SecretKey load(InventarioProperties properties) {
        String configured = properties.jwt().secret();
        if (StringUtils.hasText(configured)) {
            if (configured.getBytes(StandardCharsets.UTF_8).length < ProductionSafetyCheck.MIN_JWT_SECRET_BYTES) {
                throw new IllegalStateException(
                        "JWT_SECRET is shorter than " + ProductionSafetyCheck.MIN_JWT_SECRET_BYTES + " bytes");
            }
            return key(configured.getBytes(StandardCharsets.UTF_8));
        }
        return key(generatedSecret(properties.dataDir().resolve(FILE_NAME)));
    }

    private static byte[] generatedSecret(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            byte[] secret = new byte[48];
            new SecureRandom().nextBytes(secret);
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            trySetOwnerOnly(temp);
            Files.writeString(temp, Base64.getEncoder().encodeToString(secret));
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the development JWT key " + file, e);
        }
    }

    private static void trySetOwnerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }

    private static SecretKey key(byte[] bytes) {
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
