package org.inventarioti.notificaciones;

import org.inventarioti.ops.avisos.AvisoOps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Queues the ops events ops code publishes ({@link AvisoOps}); a failure is logged, never thrown at ops. */
@Component
class AvisosOpsListener {

    private static final Logger log = LoggerFactory.getLogger(AvisosOpsListener.class);

    private final NotificacionService service;

    AvisosOpsListener(NotificacionService service) {
        this.service = service;
    }

    @EventListener
    void aviso(AvisoOps aviso) {
        try {
            service.avisarOps(aviso.evento(), aviso.datos(), aviso.clave());
        } catch (RuntimeException e) {
            log.warn("ops notice {} not queued: {}", aviso.evento(), e.getMessage());
        }
    }
}
