package org.inventarioti.notificaciones;

import java.time.Duration;
import org.inventarioti.jobs.Job;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The scheduler's {@code entregar-notificaciones} job: delivers the outbox's due notifications. */
@Component
class NotificacionesJob implements Job {

    private final NotificacionService service;
    private final String cron;
    private final Duration bloqueoMaximo;

    /**
     * @param bloqueoMaximo how long a run's lock outlives a crashed instance: delivery resumes at
     *     most this long after a crash. Two runs overlapping past it send nothing twice (each
     *     notification is claimed with {@code FOR UPDATE SKIP LOCKED}), so it is short.
     */
    NotificacionesJob(
            NotificacionService service,
            @Value("${inventario.notificaciones.cron:0 * * * * *}") String cron,
            @Value("${inventario.notificaciones.bloqueo-maximo:2m}") Duration bloqueoMaximo) {
        this.service = service;
        this.cron = cron;
        this.bloqueoMaximo = bloqueoMaximo;
    }

    @Override
    public String nombre() {
        return "entregar-notificaciones";
    }

    @Override
    public String cron() {
        return cron;
    }

    @Override
    public String descripcion() {
        return "Delivers pending e-mail and webhook notifications, retrying failed ones with back-off";
    }

    @Override
    public Duration bloqueoMaximo() {
        return bloqueoMaximo;
    }

    @Override
    public Duration bloqueoMinimo() {
        return Duration.ofSeconds(10);
    }

    @Override
    public String ejecutar() {
        return service.entregar() + " sent";
    }
}
