package org.inventarioti.asignaciones;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Check-out and check-in of an asset: read by every role, done by TECNICO. */
@RestController
@Tag(name = "asignaciones")
@RequestMapping(path = "/api/activos/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
class AsignacionController {

    private final AsignacionService service;

    AsignacionController(AsignacionService service) {
        this.service = service;
    }

    @Operation(summary = "The asset's check-outs, newest first (the open one, if any, first)")
    @GetMapping("/asignaciones")
    List<Asignacion> historial(@PathVariable long id) {
        return service.historial(id);
    }

    @Operation(
            summary = "Checks the asset out to a person, a place or another asset (TECNICO)",
            description = "Only assets Activo or En almacén; 409 when already checked out or Dado de baja."
                    + " The asset becomes Activo.")
    @PostMapping(path = "/asignaciones", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Asignacion> asignar(@PathVariable long id, @RequestBody AsignacionRequest request) {
        Asignacion a = service.asignar(id, request);
        return ResponseEntity.created(URI.create("/api/activos/" + id + "/asignaciones"))
                .body(a);
    }

    @Operation(
            summary = "Returns the asset (TECNICO): it becomes En almacén, without custodian",
            description = "409 when the asset is not checked out.")
    @PostMapping(path = "/devolucion", consumes = MediaType.APPLICATION_JSON_VALUE)
    Asignacion devolver(@PathVariable long id, @RequestBody DevolucionRequest request) {
        return service.devolver(id, request);
    }
}
