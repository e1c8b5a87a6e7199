package org.inventarioti.ops.avisos;

import java.util.Map;

/**
 * An ops event to tell the administrators (e-mail) and the webhooks about, published as a Spring
 * application event ({@code ApplicationEventPublisher.publishEvent}); the notifications feature
 * queues it (once per {@code clave}) in the publisher's transaction or its own. Ops code publishes
 * this instead of calling the notifications, which depend on the scheduler, which depends on ops.
 * A failure to queue it is logged, never thrown at the publisher.
 */
public record AvisoOps(String evento, Map<String, ?> datos, String clave) {

    public static final String BACKUP_FALLIDO = "backup.fallido";
    public static final String RESTORE_PRUEBA = "restore.prueba";
    /** The newest verified archive is older than 36 hours (or there is none). */
    public static final String BACKUP_ANTIGUO = "backup.antiguo";

    public static final String VENTANA_INICIADA = "mantenimiento.ventana_iniciada";
    public static final String VENTANA_TERMINADA = "mantenimiento.ventana_terminada";
}
