package org.inventarioti.notificaciones;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The outbox, for administrators: what was sent, what failed, what is pending. */
@RestController
@Tag(name = "notificaciones")
@RequestMapping(path = "/api/notificaciones", produces = MediaType.APPLICATION_JSON_VALUE)
class NotificacionController {

    private final NotificacionService service;

    NotificacionController(NotificacionService service) {
        this.service = service;
    }

    @Operation(summary = "The latest notifications, optionally of one estado: pendiente, enviada, fallida (ADMIN)")
    @GetMapping
    List<Notificacion> listar(
            @RequestParam(required = false) String estado, @RequestParam(defaultValue = "100") int limite) {
        return service.listar(estado, limite);
    }
}
