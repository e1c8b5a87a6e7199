package org.inventarioti.ubicaciones;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.inventarioti.errors.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tree of places: read by every role, managed by ADMIN. */
@RestController
@Tag(name = "ubicaciones")
@RequestMapping(path = "/api/ubicaciones", produces = MediaType.APPLICATION_JSON_VALUE)
class UbicacionController {

    private final UbicacionService service;

    UbicacionController(UbicacionService service) {
        this.service = service;
    }

    @Operation(
            summary =
                    "Every place with its path, parents before children; q matches the path (case and accents ignored)")
    @GetMapping
    List<Ubicacion> listar(@RequestParam(required = false) String q) {
        return service.listar(q);
    }

    @Operation(summary = "One place")
    @GetMapping("/{id}")
    ResponseEntity<Ubicacion> buscar(@PathVariable long id) {
        return withEtag(ResponseEntity.ok(), service.buscar(id));
    }

    @Operation(summary = "Creates a place (ADMIN); padre_id null makes a root")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Ubicacion> crear(@RequestBody UbicacionRequest request) {
        Ubicacion u = service.crear(request);
        return withEtag(ResponseEntity.created(URI.create("/api/ubicaciones/" + u.id())), u);
    }

    @Operation(summary = "Renames or moves a place with its subtree (ADMIN); a cycle is refused (400)")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Ubicacion> reemplazar(
            @PathVariable long id,
            @RequestBody UbicacionRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withEtag(ResponseEntity.ok(), service.reemplazar(id, request, ifMatch));
    }

    @Operation(summary = "Deletes a place not in use (ADMIN); 409 with the reason otherwise")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> eliminar(
            @PathVariable long id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        service.eliminar(id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<Ubicacion> withEtag(ResponseEntity.BodyBuilder builder, Ubicacion u) {
        return builder.eTag(Versions.etag(u.version())).body(u);
    }
}
