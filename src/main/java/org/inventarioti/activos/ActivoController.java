package org.inventarioti.activos;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.inventarioti.auditoria.AuditoriaService;
import org.inventarioti.auditoria.AuditoriaService.Cambio;
import org.inventarioti.errors.NotFoundException;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The asset inventory: LECTOR reads, TECNICO writes, ADMIN deletes (see SecurityConfiguration). */
@RestController
@Tag(name = "activos")
@RequestMapping(path = "/api/activos", produces = MediaType.APPLICATION_JSON_VALUE)
class ActivoController {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final ActivoService service;
    private final AuditoriaService auditoria;

    ActivoController(ActivoService service, AuditoriaService auditoria) {
        this.service = service;
        this.auditoria = auditoria;
    }

    @Operation(
            summary = "List assets",
            description = "Filters, free text q, spec.<key> filters, sort, page or keyset cursor.")
    @ListQueryDoc(
            filters = {
                "q: free text in nombre, marca, modelo, numero_serie, codigo, responsable, notas (substring, any case)",
                "categoria_id: category id (repeat for any of several)",
                "estado: Activo, En mantenimiento, En reparación, En almacén, Dado de baja (repeatable)",
                "area: exact, any case",
                "responsable: exact, any case",
                "proveedor: exact, any case",
                "bitlocker: enabled, disabled, unknown (repeatable)",
                "fecha_compra_desde: purchased on or after (YYYY-MM-DD)",
                "fecha_compra_hasta: purchased on or before (YYYY-MM-DD)",
                "garantia_vence_desde: warranty ends on or after (YYYY-MM-DD)",
                "garantia_vence_antes: warranty ends before (YYYY-MM-DD)"
            },
            sorts = {
                "codigo",
                "id",
                "nombre",
                "categoria_id",
                "marca",
                "modelo",
                "numero_serie",
                "estado",
                "area",
                "ubicacion",
                "proveedor",
                "responsable",
                "bitlocker",
                "fecha_compra",
                "garantia_hasta",
                "precio",
                "created_at",
                "updated_at"
            },
            defaultSort = "codigo",
            spec = true)
    @GetMapping
    ListPage<Activo> listar(@RequestParam MultiValueMap<String, String> query) {
        return service.listar(query);
    }

    @Operation(summary = "Get an asset by id", description = "ETag: the version, for If-Match.")
    @GetMapping("/{id}")
    ResponseEntity<Activo> buscar(@PathVariable long id) {
        return withETag(ResponseEntity.ok(), service.buscar(id));
    }

    @Operation(summary = "Get an asset by its codigo (TI-000123)")
    @GetMapping("/codigo/{codigo}")
    ResponseEntity<Activo> porCodigo(@PathVariable String codigo) {
        return withETag(ResponseEntity.ok(), service.porCodigo(codigo));
    }

    @Operation(summary = "Create an asset", description = "codigo is generated; 201 with Location and ETag.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Activo> crear(@RequestBody ActivoRequest request) {
        Activo created = service.crear(request);
        return withETag(ResponseEntity.created(URI.create("/api/activos/" + created.id())), created);
    }

    @Operation(
            summary = "Replace an asset",
            description = "Needs the version (body or If-Match); 409 with the current state when stale.")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Activo> reemplazar(
            @PathVariable long id,
            @RequestBody ActivoRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(ResponseEntity.ok(), service.reemplazar(id, request, ifMatch));
    }

    @Operation(
            summary = "Change some fields of an asset (JSON Merge Patch)",
            description = "Needs the version (body or If-Match).")
    @PatchMapping(
            path = "/{id}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH})
    ResponseEntity<Activo> modificar(
            @PathVariable long id,
            @RequestBody ActivoPatch patch,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(ResponseEntity.ok(), service.modificar(id, patch.body(), ifMatch));
    }

    @Operation(
            summary = "Delete an asset (ADMIN)",
            description = "Also deletes its maintenance records; all audited. Optional If-Match.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> eliminar(
            @PathVariable long id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        service.eliminar(id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    /** The asset's change history (also after it was deleted), newest first. */
    @Operation(summary = "The change history of an asset", description = "Newest first; kept after deletion.")
    @ListQueryDoc
    @GetMapping("/{id}/historial")
    ListPage<Cambio> historial(@PathVariable long id, @RequestParam MultiValueMap<String, String> query) {
        ListPage<Cambio> page = auditoria.historial(ActivoService.ENTIDAD, id, query);
        if (page.total() == 0 && !service.existe(id)) {
            throw new NotFoundException("Activo", id);
        }
        return page;
    }

    private static ResponseEntity<Activo> withETag(ResponseEntity.BodyBuilder builder, Activo activo) {
        return builder.eTag(Versions.etag(activo.version())).body(activo);
    }
}
