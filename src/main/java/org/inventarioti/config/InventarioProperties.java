package org.inventarioti.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** Typed settings under {@code inventario.*}; secrets arrive here only from the environment. */
@Validated
@ConfigurationProperties("inventario")
public record InventarioProperties(
        @NotNull Path dataDir,
        @DefaultValue("development") String env,
        @Valid @DefaultValue Jwt jwt,
        @Valid @DefaultValue Cors cors,
        @Valid @DefaultValue Admin admin,
        @Valid @DefaultValue Seguridad seguridad,
        @Valid @DefaultValue EmbeddedDb embeddedDb,
        @DefaultValue("1MB") DataSize maxRequestBody) {

    public record Jwt(String secret, @DefaultValue("8h") Duration expiresIn) {

        @Override
        public String toString() {
            return "Jwt[secret=" + (secret == null || secret.isEmpty() ? "<unset>" : "<hidden>") + ", expiresIn="
                    + expiresIn + "]";
        }
    }

    public record Cors(@DefaultValue List<String> allowed) {}

    public record Admin(String email, String password) {

        @Override
        public String toString() {
            return "Admin[email=" + email + ", password=<hidden>]";
        }
    }

    public record Seguridad(
            @Min(1) @DefaultValue("5") int maxFailedLogins,
            @DefaultValue("15m") Duration lockoutDuration,
            @Min(1) @DefaultValue("30") int loginRateLimit,
            @DefaultValue("5m") Duration loginRateWindow) {}

    /**
     * The embedded PostgreSQL used when no external database is configured. {@code durable=false}
     * trades crash safety for speed and is meant for tests only.
     */
    public record EmbeddedDb(
            Path dir,
            @DefaultValue("0") int port,
            @DefaultValue("true") boolean durable) {}

    public Path embeddedDbDir() {
        return embeddedDb.dir() != null ? embeddedDb.dir() : dataDir.resolve("postgres");
    }
}
