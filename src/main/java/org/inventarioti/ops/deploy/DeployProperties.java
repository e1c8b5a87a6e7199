package org.inventarioti.ops.deploy;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where releases live and how the service is driven. {@code raiz} holds {@code releases/<version>/},
 * the {@code current} and {@code candidate} links, the launcher, backups and journals.
 */
@ConfigurationProperties("inventario.despliegue")
public record DeployProperties(
        @DefaultValue("/srv/inventario") Path raiz,
        @DefaultValue("inventario") String servicio,
        @DefaultValue("systemctl") String systemctl,
        @DefaultValue("http://127.0.0.1:8080") String url,
        @DefaultValue("5") int conservar,
        @DefaultValue("180s") Duration esperaArranque,
        @DefaultValue("30s") Duration esperaEscrituras,
        String smokeUsuario) {

    /** The environment variable holding the smoke user's password (never the password itself). */
    public static final String SMOKE_PASSWORD_ENV = "INVENTARIO_SMOKE_PASSWORD";

    public Path journal() {
        return raiz.resolve("journal");
    }

    public Path backups() {
        return raiz.resolve("backups");
    }
}
