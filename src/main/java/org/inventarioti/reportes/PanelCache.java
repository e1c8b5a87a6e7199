package org.inventarioti.reportes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Keeps the dashboard's figures for {@link PanelProperties#cache()}: they aggregate the whole
 * inventory, and a dashboard watched by many people need not recount 100 000 assets for each of
 * them. Concurrent misses may compute twice; that is cheaper than making readers wait on a lock.
 */
@Component
class PanelCache {

    private record Entrada(Instant leidoEn, Panel panel) {}

    private final Duration ttl;
    private final Clock clock;
    private volatile Entrada entrada;

    PanelCache(PanelProperties properties, Clock clock) {
        this.ttl = properties.cache();
        this.clock = clock;
    }

    Panel obtener(Supplier<Panel> leer) {
        Instant ahora = clock.instant();
        Entrada actual = entrada;
        if (actual != null && !ttl.isZero() && actual.leidoEn().plus(ttl).isAfter(ahora)) {
            return actual.panel();
        }
        Panel panel = leer.get();
        entrada = new Entrada(ahora, panel);
        return panel;
    }
}
