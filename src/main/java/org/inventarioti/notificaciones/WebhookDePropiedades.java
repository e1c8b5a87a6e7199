package org.inventarioti.notificaciones;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On the server's start, the webhook of {@code INVENTARIO_WEBHOOK_URL} (the one webhook before
 * V39) becomes a subscription in {@code ops_webhooks}, once; from then on it is managed at
 * {@code /api/webhooks} and the variables can go.
 */
@Component
@ConditionalOnWebApplication
class WebhookDePropiedades {

    private static final Logger log = LoggerFactory.getLogger(WebhookDePropiedades.class);

    private final WebhookService service;
    private final String url;
    private final String secreto;

    WebhookDePropiedades(
            WebhookService service,
            @Value("${inventario.webhooks.url:}") String url,
            @Value("${inventario.webhooks.secreto:}") String secreto) {
        this.service = service;
        this.url = url;
        this.secreto = secreto;
    }

    @EventListener(ApplicationReadyEvent.class)
    void importar() {
        if (url.isBlank()) {
            return;
        }
        try {
            if (service.importar(url, secreto)) {
                log.info("INVENTARIO_WEBHOOK_URL is now a webhook subscription: manage it at /api/webhooks");
            }
        } catch (RuntimeException e) {
            log.warn("INVENTARIO_WEBHOOK_URL was not imported as a webhook subscription: {}", e.getMessage());
        }
    }
}
