package org.inventarioti.notificaciones;

import java.util.Set;

/** The events a webhook can subscribe to ({@code GET /api/webhooks/eventos}). */
final class Eventos {

    static final String PLAN_GENERADO = "plan.generado";
    static final String WEBHOOK_DESACTIVADO = "webhook.desactivado";

    static final Set<String> NOMBRES = Set.of(
            PLAN_GENERADO,
            WEBHOOK_DESACTIVADO,
            NotificacionService.BACKUP_FALLIDO,
            NotificacionService.RESTORE_PRUEBA,
            NotificacionService.BACKUP_ANTIGUO,
            NotificacionService.VENTANA_INICIADA,
            NotificacionService.VENTANA_TERMINADA);

    private Eventos() {}
}
