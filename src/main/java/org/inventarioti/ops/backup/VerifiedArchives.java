package org.inventarioti.ops.backup;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The archives a test restore verified with matching counts ({@code ops_backup_verificaciones}). */
@Component
public class VerifiedArchives {

    private final JdbcClient jdbc;

    VerifiedArchives(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Absolute, normalised paths (and {@code s3://} addresses as paths of their text). */
    public Set<Path> all() {
        return jdbc
                .sql("SELECT DISTINCT archivo FROM ops_backup_verificaciones WHERE restore_test AND conteos_coinciden")
                .query(String.class)
                .list()
                .stream()
                .filter(a -> !a.contains("://"))
                .map(a -> Path.of(a).toAbsolutePath().normalize())
                .collect(Collectors.toSet());
    }

    /**
     * What the bucket's retention counts as verified: the {@code s3://} addresses verified and the
     * file names of every verified archive (an uploaded archive keeps its name).
     */
    public Set<String> forBucket() {
        return jdbc
                .sql("SELECT DISTINCT archivo FROM ops_backup_verificaciones WHERE restore_test AND conteos_coinciden")
                .query(String.class)
                .list()
                .stream()
                .flatMap(a -> a.contains("://")
                        ? java.util.stream.Stream.of(a, a.substring(a.lastIndexOf('/') + 1))
                        : java.util.stream.Stream.of(Path.of(a).getFileName().toString()))
                .collect(Collectors.toSet());
    }

    /** One passed test restore: which archive, made when, at which schema version, verified when and how. */
    public record Verification(
            long id,
            String archive,
            String sha256,
            java.time.OffsetDateTime createdAt,
            String schemaVersion,
            java.time.OffsetDateTime verifiedAt,
            String scratch,
            Long rows) {

        /** The archive's file name (the last segment of a path or an {@code s3://} address). */
        public String name() {
            return archive.substring(archive.lastIndexOf('/') + 1);
        }
    }

    /** The passed test restores, newest verification first. */
    public java.util.List<Verification> passed() {
        return jdbc.sql("""
                        SELECT id, archivo, sha256, backup_creado_en, schema_version, verificado_en,
                               detalle->>'scratch' AS scratch, (detalle->>'rows')::bigint AS rows
                        FROM ops_backup_verificaciones WHERE restore_test AND conteos_coinciden
                        ORDER BY verificado_en DESC, id DESC LIMIT 1000""")
                .query((rs, n) -> new Verification(
                        rs.getLong("id"),
                        rs.getString("archivo"),
                        rs.getString("sha256"),
                        rs.getObject("backup_creado_en", java.time.OffsetDateTime.class),
                        rs.getString("schema_version"),
                        rs.getObject("verificado_en", java.time.OffsetDateTime.class),
                        rs.getString("scratch"),
                        (Long) rs.getObject("rows")))
                .list();
    }

    /** When the newest archive a test restore verified was made; empty when none was. */
    public java.util.Optional<java.time.Instant> newestVerifiedCreatedAt() {
        return jdbc
                .sql("SELECT max(backup_creado_en) FROM ops_backup_verificaciones"
                        + " WHERE restore_test AND conteos_coinciden")
                .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class))
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .map(java.time.OffsetDateTime::toInstant);
    }
}
