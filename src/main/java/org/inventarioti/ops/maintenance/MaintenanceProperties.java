package org.inventarioti.ops.maintenance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Maintenance mode: how long each instance trusts the flag it last read ({@code cache}), how long
 * a flag set by {@code maintenance on} lasts ({@code ttl}), and how long a held flag (the
 * maintenance run, {@code maintenance on --hold}) survives its holder ({@code ttl-titular}), and
 * how long a held window is expected to last ({@code ventana-prevista}): what {@code Retry-After} says.
 */
@ConfigurationProperties("inventario.mantenimiento")
record MaintenanceProperties(
        @DefaultValue("1s") Duration cache,
        @DefaultValue("30m") Duration ttl,
        @Name("ttl-titular") @DefaultValue("60s") Duration holderTtl,
        @Name("ventana-prevista") @DefaultValue("15m") Duration expectedWindow) {}
