package org.inventarioti.backups;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.inventarioti.ops.avisos.AvisoOps;
import org.inventarioti.ops.backup.VerifiedArchives;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * How fresh the newest verified backup is: the Prometheus gauge
 * {@code inventario_backup_newest_verified_age_seconds} (NaN while none is verified) and the daily
 * check of the {@code backup-antiguedad} job, which tells the administrators and the webhooks
 * ({@code backup.antiguo}, once a day) when the newest verified archive is older than 36 hours.
 */
@Component
public class FrescuraBackups {

    public static final String GAUGE = "inventario.backup.newest.verified.age";
    static final Duration LIMITE = Duration.ofHours(36);

    private final VerifiedArchives verified;
    private final ApplicationEventPublisher eventos;
    private final Clock clock;

    FrescuraBackups(VerifiedArchives verified, ApplicationEventPublisher eventos, Clock clock, MeterRegistry registry) {
        this.verified = verified;
        this.eventos = eventos;
        this.clock = clock;
        Gauge.builder(GAUGE, this, FrescuraBackups::edadSegundos)
                .baseUnit("seconds")
                .description("Age of the newest archive a test restore verified (NaN: none verified)")
                .register(registry);
    }

    double edadSegundos() {
        return verified.newestVerifiedCreatedAt()
                .map(t -> (double) Duration.between(t, clock.instant()).toSeconds())
                .orElse(Double.NaN);
    }

    /** The daily check: a notice when the newest verified archive is older than 36 h (or there is none). */
    public String revisar() {
        Instant now = clock.instant();
        Optional<Instant> newest = verified.newestVerifiedCreatedAt();
        if (newest.isPresent() && Duration.between(newest.get(), now).compareTo(LIMITE) <= 0) {
            return "newest verified archive made " + newest.get() + " ("
                    + Duration.between(newest.get(), now).toHours() + " h ago): fresh";
        }
        String edad = newest.map(t -> Duration.between(t, now).toHours() + " h").orElse("none verified");
        eventos.publishEvent(new AvisoOps(
                AvisoOps.BACKUP_ANTIGUO,
                Map.of(
                        "verificado_mas_reciente",
                        newest.map(Instant::toString).orElse("—"),
                        "antiguedad",
                        edad,
                        "limite",
                        LIMITE.toHours() + " h"),
                "backup-antiguo:" + LocalDate.ofInstant(now, ZoneOffset.UTC)));
        return "newest verified archive: " + edad + ", older than " + LIMITE.toHours() + " h: told";
    }
}
