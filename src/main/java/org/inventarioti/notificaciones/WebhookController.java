package org.inventarioti.notificaciones;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Webhook subscriptions, for administrators only. The secret is in an answer only when made. */
@RestController
@Tag(name = "webhooks")
@RequestMapping(path = "/api/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
class WebhookController {

    private final WebhookService service;

    WebhookController(WebhookService service) {
        this.service = service;
    }

    /** A subscription with its secret, flat: the secret is a field next to the others. */
    record ConSecreto(@JsonUnwrapped Webhook webhook, String secreto) {
        static ConSecreto of(Webhook.ConSecreto c) {
            return new ConSecreto(c.webhook(), c.secreto());
        }
    }

    @Operation(summary = "Every webhook subscription (ADMIN); never their secrets")
    @GetMapping
    List<Webhook> listar() {
        return service.listar();
    }

    @Operation(summary = "The events a webhook can subscribe to (ADMIN)")
    @GetMapping("/eventos")
    Set<String> eventos() {
        return new TreeSet<>(Eventos.NOMBRES);
    }

    @Operation(summary = "One webhook subscription (ADMIN)")
    @GetMapping("/{id}")
    Webhook buscar(@PathVariable long id) {
        return service.buscar(id);
    }

    @Operation(
            summary = "Subscribes a URL (ADMIN); the answer carries its HMAC secret, this once",
            description = "url http(s), not internal unless INVENTARIO_WEBHOOK_ALLOW_PRIVATE; eventos: names or"
                    + " [\"*\"] (the default); formato json (default), slack or teams.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ConSecreto> crear(@RequestBody Webhook.Peticion peticion) {
        Webhook.ConSecreto creado = service.crear(peticion);
        return ResponseEntity.created(
                        URI.create("/api/webhooks/" + creado.webhook().id()))
                .body(ConSecreto.of(creado));
    }

    @Operation(summary = "Replaces a subscription's nombre, url, eventos and formato (ADMIN)")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Webhook reemplazar(@PathVariable long id, @RequestBody Webhook.Peticion peticion) {
        return service.actualizar(id, peticion);
    }

    @Operation(summary = "Makes a new secret (ADMIN); the answer carries it, this once")
    @PostMapping("/{id}/secreto")
    ConSecreto rotarSecreto(@PathVariable long id) {
        return ConSecreto.of(service.rotarSecreto(id));
    }

    @Operation(summary = "Enables a subscription again, e.g. after it was disabled for failing (ADMIN)")
    @PostMapping("/{id}/activar")
    Webhook activar(@PathVariable long id) {
        return service.activar(id);
    }

    @Operation(summary = "Deletes a subscription (ADMIN); what was pending for it is marked fallida")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> eliminar(@PathVariable long id) {
        service.eliminar(id);
        return ResponseEntity.noContent().build();
    }
}
