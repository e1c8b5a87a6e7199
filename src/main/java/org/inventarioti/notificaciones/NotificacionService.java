package org.inventarioti.notificaciones;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notifications outbox. Features call {@code encolar*} inside the transaction of the event,
 * so a notification exists exactly when its event committed; the {@code entregar-notificaciones}
 * job delivers them at least once, retrying with exponential back-off (1 min doubling, at most 6 h)
 * until {@code inventario.notificaciones.intentos} attempts, then marks them {@code fallida}. The
 * clave makes enqueueing idempotent, and a notification sent is never sent again.
 */
@Service
public class NotificacionService {

    private static final Logger log = LoggerFactory.getLogger(NotificacionService.class);
    private static final Duration PRIMERA_ESPERA = Duration.ofMinutes(1);
    private static final Duration ESPERA_MAXIMA = Duration.ofHours(6);

    private final NotificacionRepository repository;
    private final Map<String, Canal> canales;
    private final JsonMapper json;
    private final Clock clock;
    private final String webhookUrl;
    private final int intentos;

    NotificacionService(
            NotificacionRepository repository,
            List<Canal> canales,
            JsonMapper json,
            Clock clock,
            @Value("${inventario.webhooks.url:}") String webhookUrl,
            @Value("${inventario.notificaciones.intentos:10}") int intentos) {
        this.repository = repository;
        this.canales = canales.stream().collect(Collectors.toMap(Canal::nombre, Function.identity()));
        this.json = json;
        this.clock = clock;
        this.webhookUrl = webhookUrl;
        this.intentos = intentos;
    }

    /** Queues an e-mail in the caller's transaction; false when one with this clave exists already. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean encolarEmail(String destino, String evento, String asunto, String cuerpo, String clave) {
        return repository.encolar(Notificacion.EMAIL, destino, evento, asunto, cuerpo, "email:" + clave);
    }

    /**
     * Queues an event for the configured webhook ({@code inventario.webhooks.url}), if any, as
     * {@code {"evento", "clave", "datos"}}; false when none is configured or it was queued before.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean encolarEvento(String evento, Map<String, ?> datos, String clave) {
        if (webhookUrl.isBlank()) {
            return false;
        }
        String body = json.writeValueAsString(Map.of("evento", evento, "clave", clave, "datos", datos));
        return repository.encolar(Notificacion.WEBHOOK, webhookUrl, evento, null, body, "webhook:" + clave);
    }

    /** Delivers the due notifications (a batch); returns how many were sent. */
    @Transactional
    public int entregar() {
        int enviadas = 0;
        for (Notificacion n : repository.pendientes(OffsetDateTime.now(clock), 100)) {
            Canal canal = canales.get(n.canal());
            try {
                canal.enviar(n);
                repository.enviada(n.id(), OffsetDateTime.now(clock));
                enviadas++;
            } catch (Exception e) {
                int hechos = n.intentos() + 1;
                boolean rendirse = hechos >= intentos;
                Duration espera = PRIMERA_ESPERA.multipliedBy(1L << Math.min(hechos - 1, 20));
                if (espera.compareTo(ESPERA_MAXIMA) > 0) {
                    espera = ESPERA_MAXIMA;
                }
                String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                repository.fallo(n.id(), error, OffsetDateTime.now(clock).plus(espera), rendirse);
                log.warn("notification {} ({}) not delivered, attempt {}: {}", n.id(), n.canal(), hechos, error);
            }
        }
        return enviadas;
    }

    /** The latest notifications, optionally of one estado (pendiente, enviada, fallida). */
    @Transactional(readOnly = true)
    public List<Notificacion> listar(String estado, int limite) {
        return repository.recientes(estado, Math.max(1, Math.min(limite, 500)));
    }
}
