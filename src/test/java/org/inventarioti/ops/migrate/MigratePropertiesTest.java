package org.inventarioti.ops.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class MigratePropertiesTest {

    @Test
    void theDocumentedKeysBind() {
        var source = new MapConfigurationPropertySource(
                Map.of("inventario.migraciones.reintentos", "7", "inventario.migraciones.espera", "250ms"));
        MigrateProperties properties = new Binder(source)
                .bind("inventario.migraciones", MigrateProperties.class)
                .get();
        assertThat(properties.retries()).isEqualTo(7);
        assertThat(properties.backoff()).isEqualTo(Duration.ofMillis(250));
        assertThat(properties.lockTimeout()).as("default").isEqualTo(Duration.ofSeconds(5));
    }
}
