package org.inventarioti.asignaciones;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Several assets handed over or returned at once, with one receipt (TECNICO). */
@RestController
@Tag(name = "asignaciones")
@RequestMapping(path = "/api/asignaciones", produces = MediaType.APPLICATION_JSON_VALUE)
class OperacionesController {

    record Entrega(
            List<Long> activoIds,
            Long personaId,
            Long ubicacionId,
            Long contenedorId,
            LocalDate devolucionPrevista,

            @NotNull @Pattern(regexp = Condiciones.REGEX, message = Condiciones.MENSAJE)
            String condicion,

            @Size(max = 2000) String notas) {}

    record Devolucion(
            List<Long> activoIds,

            @NotNull @Pattern(regexp = Condiciones.REGEX, message = Condiciones.MENSAJE)
            String condicion,

            @Size(max = 2000) String notas,
            Long ubicacionId) {}

    private final AsignacionService service;

    OperacionesController(AsignacionService service) {
        this.service = service;
    }

    @Operation(
            summary = "Checks several assets out to one destination with one receipt (TECNICO); all or none",
            description = "The receipt: GET /api/actas/{acta_id}/pdf.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AsignacionService.Operacion> asignar(@RequestBody Entrega e) {
        var op = service.asignarVarios(
                e.activoIds(),
                new AsignacionRequest(
                        e.personaId(),
                        e.ubicacionId(),
                        e.contenedorId(),
                        e.devolucionPrevista(),
                        e.condicion(),
                        e.notas()));
        return ResponseEntity.created(URI.create("/api/actas/" + op.actaId() + "/pdf"))
                .body(op);
    }

    @Operation(summary = "Returns several assets at once with one receipt (TECNICO); all or none")
    @PostMapping(path = "/devolucion", consumes = MediaType.APPLICATION_JSON_VALUE)
    AsignacionService.Operacion devolver(@RequestBody Devolucion d) {
        return service.devolverVarios(d.activoIds(), new DevolucionRequest(d.condicion(), d.notas(), d.ubicacionId()));
    }
}
