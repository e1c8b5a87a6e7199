package org.inventarioti.ops.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The documented keys (inventario.despliegue.raiz, conservar, espera-*…) still bind to the English components. */
class DeployPropertiesTest {

    @Test
    void theDocumentedKeysBind() {
        var source = new MapConfigurationPropertySource(Map.of(
                "inventario.despliegue.raiz", "/opt/inv",
                "inventario.despliegue.servicio", "inv",
                "inventario.despliegue.conservar", "2",
                "inventario.despliegue.espera-arranque", "5s",
                "inventario.despliegue.espera-escrituras", "7s",
                "inventario.despliegue.smoke-usuario", "smoke@x"));
        DeployProperties properties = new Binder(source)
                .bind("inventario.despliegue", DeployProperties.class)
                .get();
        assertThat(properties.root()).isEqualTo(Path.of("/opt/inv"));
        assertThat(properties.service()).isEqualTo("inv");
        assertThat(properties.keep()).isEqualTo(2);
        assertThat(properties.startTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.writesTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(properties.smokeUser()).isEqualTo("smoke@x");
        assertThat(properties.systemctl()).as("default").isEqualTo("systemctl");
    }
}
