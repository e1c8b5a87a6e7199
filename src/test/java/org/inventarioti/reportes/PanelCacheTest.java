package org.inventarioti.reportes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PanelCacheTest {

    static final class Reloj extends Clock {
        Instant ahora = Instant.parse("2026-01-01T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return ahora;
        }
    }

    static Panel panel(long total) {
        Resumen vacio = new Resumen("estado", List.of(), total, List.of());
        return new Panel(
                total, List.of(), vacio, vacio, vacio, 0, 0, List.of(), List.of(), List.of(), 0, List.of(), List.of());
    }

    @Test
    void figuresAreReusedForTheConfiguredTimeThenReadAgain() {
        Reloj reloj = new Reloj();
        PanelCache cache = new PanelCache(new PanelProperties(Duration.ofSeconds(15)), reloj);
        AtomicInteger lecturas = new AtomicInteger();
        assertThat(cache.obtener(() -> panel(lecturas.incrementAndGet())).totalActivos())
                .isEqualTo(1);
        reloj.ahora = reloj.ahora.plusSeconds(14);
        assertThat(cache.obtener(() -> panel(lecturas.incrementAndGet())).totalActivos())
                .isEqualTo(1);
        reloj.ahora = reloj.ahora.plusSeconds(1);
        assertThat(cache.obtener(() -> panel(lecturas.incrementAndGet())).totalActivos())
                .isEqualTo(2);
        assertThat(lecturas).hasValue(2);
    }

    @Test
    void zeroMeansAlwaysRead() {
        PanelCache cache = new PanelCache(new PanelProperties(Duration.ZERO), new Reloj());
        AtomicInteger lecturas = new AtomicInteger();
        cache.obtener(() -> panel(lecturas.incrementAndGet()));
        cache.obtener(() -> panel(lecturas.incrementAndGet()));
        assertThat(lecturas).hasValue(2);
    }
}
