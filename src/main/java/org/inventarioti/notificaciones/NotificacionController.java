package org.inventarioti.notificaciones;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The outbox, for administrators: what was sent, what failed, what is pending; retry a failed one. */
@RestController
@Tag(name = "notificaciones")
@RequestMapping(path = "/api/notificaciones", produces = MediaType.APPLICATION_JSON_VALUE)
class NotificacionController {

    private final NotificacionService service;

    NotificacionController(NotificacionService service) {
        this.service = service;
    }

    @Operation(
            summary =
                    "The latest notifications, newest first, optionally of one estado (pendiente, enviada,"
                            + " fallida), canal (email, webhook), evento, part of the destino; antes=<id> for older ones (ADMIN)")
    @GetMapping
    List<Notificacion> listar(
            @RequestParam(required = false) String estado,
            @RequestParam(required = false) String canal,
            @RequestParam(required = false) String evento,
            @RequestParam(required = false) String destino,
            @RequestParam(required = false) Long antes,
            @RequestParam(defaultValue = "100") int limite) {
        return service.listar(new FiltroNotificaciones(estado, canal, evento, destino, antes), limite);
    }

    @Operation(
            summary = "Retry a failed notification now: one delivery attempt; answers the notification as it is"
                    + " afterwards. 409 unless it is fallida (ADMIN)")
    @PostMapping("/{id}/reintentar")
    Notificacion reintentar(@PathVariable long id) {
        return service.reintentar(id);
    }
}
