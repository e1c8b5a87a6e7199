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
}
