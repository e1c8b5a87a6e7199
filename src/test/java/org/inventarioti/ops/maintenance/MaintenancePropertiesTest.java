package org.inventarioti.ops.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class MaintenancePropertiesTest {

    @Test
    void theDocumentedKeysBind() {
        var source = new MapConfigurationPropertySource(Map.of(
                "inventario.mantenimiento.ttl",
                "10m",
                "inventario.mantenimiento.ttl-titular",
                "20s",
                "inventario.mantenimiento.ventana-prevista",
                "25m"));
        MaintenanceProperties properties = new Binder(source)
                .bind("inventario.mantenimiento", MaintenanceProperties.class)
                .get();
        assertThat(properties.ttl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties.holderTtl()).isEqualTo(Duration.ofSeconds(20));
        assertThat(properties.expectedWindow()).isEqualTo(Duration.ofMinutes(25));
        assertThat(properties.cache()).as("default").isEqualTo(Duration.ofSeconds(1));
    }
}
