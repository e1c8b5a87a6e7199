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
}
