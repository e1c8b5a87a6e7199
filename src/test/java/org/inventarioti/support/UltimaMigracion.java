package org.inventarioti.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The newest schema version this build ships, so tests do not hard-code it. */
public final class UltimaMigracion {

    private UltimaMigracion() {}

    public static String version() {
        try {
            Resource[] scripts =
                    new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*.sql");
            return Arrays.stream(scripts)
                    .map(r -> r.getFilename().substring(1, r.getFilename().indexOf("__")))
                    .map(v -> MigrationVersion.fromVersion(v.replace('_', '.')))
                    .max(MigrationVersion::compareTo)
                    .orElseThrow()
                    .getVersion();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
