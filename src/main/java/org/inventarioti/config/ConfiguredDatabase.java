package org.inventarioti.config;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Which database and data directory this installation uses, read from its configuration
 * (application.yml, the environment with the seed's {@code DB_*}, arguments): the server named by
 * {@code spring.datasource.*}, or else the embedded one, started or attached to only when it is
 * asked for. The application context and every command resolve it this one way.
 */
public final class ConfiguredDatabase {

    private final Database external;
    private final Path dataDir;
    private final Supplier<EmbeddedPostgresServer> embeddedServer;

    private ConfiguredDatabase(Database external, Path dataDir, Supplier<EmbeddedPostgresServer> embeddedServer) {
        this.external = external;
        this.dataDir = dataDir;
        this.embeddedServer = embeddedServer;
    }

    /** {@code embeddedServer} is asked for only when no external database is configured. */
    public static ConfiguredDatabase of(Environment environment, Supplier<EmbeddedPostgresServer> embeddedServer) {
        Path dataDir = Binder.get(environment)
                .bind("inventario.data-dir", Path.class)
                .orElseThrow(() -> new IllegalStateException("inventario.data-dir is not set"));
        Database external = EmbeddedDatabaseConfiguration.isEmbedded(environment)
                ? null
                : new Database(
                        environment.getProperty("spring.datasource.url"),
                        environment.getProperty("spring.datasource.username"),
                        environment.getProperty("spring.datasource.password"));
        return new ConfiguredDatabase(external, dataDir, embeddedServer);
    }

    public boolean embedded() {
        return external == null;
    }

    /** The database; for the embedded one this starts it, or attaches to the running server. */
    public Database database() {
        return external != null ? external : embeddedServer.get().database();
    }

    /** {@code host:port/database}, marked when embedded; never a credential. */
    public String describe() {
        return database().describe() + (embedded() ? " (embedded)" : "");
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Where backups go unless told otherwise. */
    public Path backupDir() {
        return dataDir.resolve("backups");
    }
}
