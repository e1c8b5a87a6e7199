package org.inventarioti.ops.run;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Where releases live and how the service is driven, for deploys and maintenance runs. {@code root}
 * holds {@code releases/<version>/}, the {@code current} and {@code candidate} links, the launcher,
 * backups and journals. The property names are the documented ones ({@code inventario.despliegue.raiz}…).
 */
@ConfigurationProperties("inventario.despliegue")
public record DeployProperties(
        @Name("raiz") @DefaultValue("/srv/inventario") Path root,
        @Name("servicio") @DefaultValue("inventario") String service,
        @DefaultValue("systemctl") String systemctl,
        @DefaultValue("http://127.0.0.1:8080") String url,
        @Name("conservar") @DefaultValue("5") int keep,
        @Name("espera-arranque") @DefaultValue("180s") Duration startTimeout,
        @Name("espera-escrituras") @DefaultValue("30s") Duration writesTimeout,
        @Name("smoke-usuario") String smokeUser,

        @Name("fichero-entorno") @DefaultValue("/etc/inventario/inventario.env")
        Path environmentFile) {

    /** The environment variable holding the smoke user's password (never the password itself). */
    public static final String SMOKE_PASSWORD_ENV = "INVENTARIO_SMOKE_PASSWORD";

    public Path backups() {
        return root.resolve("backups");
    }
}
