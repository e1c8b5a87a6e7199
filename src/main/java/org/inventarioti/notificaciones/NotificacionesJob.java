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

    NotificacionesJob(
            NotificacionService service, @Value("${inventario.notificaciones.cron:0 * * * * *}") String cron) {
        this.service = service;
        this.cron = cron;
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
    public Duration bloqueoMinimo() {
        return Duration.ofSeconds(10);
    }

    @Override
    public String ejecutar() {
        return service.entregar() + " sent";
    }
}
