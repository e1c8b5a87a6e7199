package org.inventarioti.ops.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.inventarioti.config.DatabaseEnvironment;
import org.inventarioti.ops.archive.Database;

/** The external database named by the seed's DB_* variables, read the way the application reads them. */
final class ExternalDatabase {

    private ExternalDatabase() {}

    static Optional<Database> fromEnvironment() {
        String host = System.getenv("DB_HOST");
        if (host == null || host.isBlank() || System.getenv("SPRING_DATASOURCE_URL") != null) {
            return Optional.empty();
        }
        String url = DatabaseEnvironment.jdbcUrl(host, envOr("DB_PORT", "5432"), envOr("DB_NAME", "inventario"));
        return Optional.of(new Database(url, System.getenv("DB_USER"), System.getenv("DB_PASS")));
    }

    static Path dataDir() {
        return Path.of(envOr("INVENTARIO_DATA_DIR", "data"));
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
