package org.inventarioti.mantenimientos;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.inventarioti.errors.Versions;
import org.inventarioti.listing.ListPage;
import org.inventarioti.web.ListQueryDoc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** Maintenance records: LECTOR reads, TECNICO writes, ADMIN deletes (see SecurityConfiguration). */
@RestController
@Tag(name = "mantenimientos")
class MantenimientoController {

    private static final String BASE = "/api/mantenimientos";

    private final MantenimientoService service;

    MantenimientoController(MantenimientoService service) {
        this.service = service;
    }

    @Operation(summary = "List maintenance records")
    @ListQueryDoc(
            filters = {
                "activo_id: of one asset",
                "tipo: preventivo, correctivo, emergencia (repeatable)",
                "estado: programado, en_progreso, completado, cancelado (repeatable)",
                "tecnico_id: assigned user",
                "desde: scheduled on or after (YYYY-MM-DD)",
                "hasta: scheduled on or before (YYYY-MM-DD)",
                "pendientes_hasta: due: open (programado, en_progreso) and scheduled on or before (YYYY-MM-DD)",
                "vencidos: true = overdue (open and scheduled before today); false = not overdue"
            },
            sorts = {"fecha_programada", "estado", "tipo", "titulo", "created_at", "id"},
            defaultSort = "fecha_programada,desc")
    @GetMapping(path = BASE, produces = MediaType.APPLICATION_JSON_VALUE)
    ListPage<Mantenimiento> listar(@RequestParam MultiValueMap<String, String> query) {
        return service.listar(query);
    }

    @Operation(summary = "Maintenance history of an asset")
    @ListQueryDoc(
            filters = {"tipo", "estado", "tecnico_id", "desde", "hasta", "pendientes_hasta", "vencidos"},
            sorts = {"fecha_programada", "estado", "tipo", "titulo", "created_at", "id"},
            defaultSort = "fecha_programada,desc")
    @GetMapping(path = "/api/activos/{activoId}/mantenimientos", produces = MediaType.APPLICATION_JSON_VALUE)
    ListPage<Mantenimiento> deActivo(@PathVariable long activoId, @RequestParam MultiValueMap<String, String> query) {
        return service.deActivo(activoId, query);
    }

    @Operation(summary = "Get a maintenance record")
    @GetMapping(path = BASE + "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Mantenimiento> buscar(@PathVariable long id) {
        return withETag(ResponseEntity.ok(), service.buscar(id));
    }

    @Operation(
            summary = "Record a maintenance",
            description = "en_progreso puts the asset En mantenimiento (unless Dado de baja).")
    @PostMapping(path = BASE, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Mantenimiento> crear(@RequestBody MantenimientoRequest request) {
        Mantenimiento created = service.crear(request);
        return withETag(ResponseEntity.created(URI.create(BASE + "/" + created.id())), created);
    }

    @Operation(
            summary = "Replace a maintenance record",
            description = "Needs the version. completado sets fecha_completado.")
    @PutMapping(
            path = BASE + "/{id}",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Mantenimiento> reemplazar(
            @PathVariable long id,
            @RequestBody MantenimientoRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(ResponseEntity.ok(), service.reemplazar(id, request, ifMatch));
    }

    @Operation(summary = "Change some fields of a maintenance record (JSON Merge Patch)")
    @PatchMapping(
            path = BASE + "/{id}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Mantenimiento> modificar(
            @PathVariable long id,
            @RequestBody ObjectNode patch,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(ResponseEntity.ok(), service.modificar(id, patch, ifMatch));
    }

    @Operation(summary = "Delete a maintenance record (ADMIN)")
    @DeleteMapping(BASE + "/{id}")
    ResponseEntity<Void> eliminar(
            @PathVariable long id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        service.eliminar(id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<Mantenimiento> withETag(ResponseEntity.BodyBuilder builder, Mantenimiento m) {
        return builder.eTag(Versions.etag(m.version())).body(m);
    }
}
