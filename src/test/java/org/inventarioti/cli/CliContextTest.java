package org.inventarioti.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.inventarioti.InventarioApplication;
import org.inventarioti.config.DatabaseEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The one route from a command to its database and data directory: read from the configuration, nothing started. */
class CliContextTest {

    private static final Supplier<SpringApplicationBuilder> APPLICATION =
            () -> new SpringApplicationBuilder(InventarioApplication.class);

    @Test
    void theSeedsDbVariablesNameTheDatabaseWithoutStartingTheApplication() {
        try (CliContext context = new CliContext(
                APPLICATION,
                "--DB_HOST=db.example.org",
                "--DB_PORT=6543",
                "--DB_NAME=inventario_prod",
                "--DB_USER=inventario",
                "--DB_PASS=not-shown",
                "--inventario.data-dir=/var/lib/inventario")) {
            var database = context.database();
            assertThat(database.embedded()).isFalse();
            assertThat(database.database().url())
                    .isEqualTo(DatabaseEnvironment.jdbcUrl("db.example.org", "6543", "inventario_prod"));
            assertThat(database.database().user()).isEqualTo("inventario");
            assertThat(database.database().password()).isEqualTo("not-shown");
            assertThat(database.describe()).isEqualTo("db.example.org:6543/inventario_prod");
            assertThat(database.backupDir()).isEqualTo(Path.of("/var/lib/inventario/backups"));
            assertThat(context.database()).as("resolved once").isSameAs(database);
            assertThat(context.started()).isFalse();
        }
    }

    @Test
    void withoutAnExternalDatabaseTheEmbeddedOneIsNamedButNotStartedUntilAskedFor() {
        try (CliContext context = new CliContext(APPLICATION, "--inventario.data-dir=target/cli-test")) {
            var database = context.database();
            assertThat(database.embedded()).isTrue();
            assertThat(database.dataDir()).isEqualTo(Path.of("target/cli-test"));
            assertThat(context.started()).isFalse();
        }
    }

    @Test
    void anExplicitDatasourceWinsOverDbHostAsInTheApplication() {
        try (CliContext context = new CliContext(
                APPLICATION,
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5999/other",
                "--DB_HOST=db.example.org")) {
            assertThat(context.database().database().url()).isEqualTo("jdbc:postgresql://127.0.0.1:5999/other");
            assertThat(context.environment().getProperty("inventario.data-dir"))
                    .as("application.yml is read")
                    .isNotBlank();
        }
    }
}
