package org.inventarioti.activos;

import java.net.URI;
import org.inventarioti.auditoria.AuditoriaService;
import org.inventarioti.auditoria.AuditoriaService.Cambio;
import org.inventarioti.web.ApiException;
import org.inventarioti.web.ListPage;
import org.inventarioti.web.Versions;
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
@RequestMapping(path = "/api/activos", produces = MediaType.APPLICATION_JSON_VALUE)
class ActivoController {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final ActivoService service;
    private final AuditoriaService auditoria;

    ActivoController(ActivoService service, AuditoriaService auditoria) {
        this.service = service;
        this.auditoria = auditoria;
    }

    @GetMapping
    ListPage<Activo> listar(@RequestParam MultiValueMap<String, String> query) {
        return service.listar(query);
    }

    @GetMapping("/{id}")
    ResponseEntity<Activo> buscar(@PathVariable long id) {
        return withETag(ResponseEntity.ok(), service.buscar(id));
    }

    @GetMapping("/codigo/{codigo}")
    ResponseEntity<Activo> porCodigo(@PathVariable String codigo) {
        return withETag(ResponseEntity.ok(), service.porCodigo(codigo));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Activo> crear(@RequestBody ActivoRequest request) {
        Activo created = service.crear(request);
        return withETag(ResponseEntity.created(URI.create("/api/activos/" + created.id())), created);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Activo> reemplazar(
            @PathVariable long id,
            @RequestBody ActivoRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(ResponseEntity.ok(), service.reemplazar(id, request, ifMatch));
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH})
    ResponseEntity<Activo> modificar(
            @PathVariable long id,
            @RequestBody ActivoPatch patch,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(ResponseEntity.ok(), service.modificar(id, patch.body(), ifMatch));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> eliminar(
            @PathVariable long id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        service.eliminar(id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    /** The asset's change history (also after it was deleted), newest first. */
    @GetMapping("/{id}/historial")
    ListPage<Cambio> historial(@PathVariable long id, @RequestParam MultiValueMap<String, String> query) {
        ListPage<Cambio> page = auditoria.historial(ActivoService.ENTIDAD, id, query);
        if (page.total() == 0 && !service.existe(id)) {
            throw ApiException.notFound("Activo", id);
        }
        return page;
    }

    private static ResponseEntity<Activo> withETag(ResponseEntity.BodyBuilder builder, Activo activo) {
        return builder.eTag(Versions.etag(activo.version())).body(activo);
    }
}
