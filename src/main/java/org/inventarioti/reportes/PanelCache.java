package org.inventarioti.reportes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
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

    private static final String PANEL = "panel";

    private final Cache<String, Panel> cache;

    PanelCache(PanelProperties properties, Clock clock) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(1)
                .expireAfterWrite(properties.cache())
                .ticker(() -> nanos(clock.instant()))
                .build();
    }

    Panel obtener(Supplier<Panel> leer) {
        Panel panel = cache.getIfPresent(PANEL);
        if (panel == null) {
            panel = leer.get();
            cache.put(PANEL, panel);
        }
        return panel;
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
