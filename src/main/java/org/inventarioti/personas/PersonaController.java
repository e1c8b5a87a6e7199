package org.inventarioti.personas;

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

/** People who hold equipment: read by every role, managed by ADMIN. */
@RestController
@Tag(name = "personas")
@RequestMapping(path = "/api/personas", produces = MediaType.APPLICATION_JSON_VALUE)
class PersonaController {

    private final PersonaService service;

    PersonaController(PersonaService service) {
        this.service = service;
    }

    @Operation(
            summary = "Up to 500 people by name; q matches name (case and accents ignored), e-mail or employee number")
    @GetMapping
    List<Persona> listar(@RequestParam(required = false) String q, @RequestParam(required = false) Boolean activa) {
        return service.listar(q, activa);
    }

    @Operation(summary = "The free texts the migration (V45) left unlinked, and why")
    @GetMapping("/pendientes")
    List<Pendiente> pendientes() {
        return service.pendientes();
    }

    @Operation(summary = "One person")
    @GetMapping("/{id}")
    ResponseEntity<Persona> buscar(@PathVariable long id) {
        return withEtag(ResponseEntity.ok(), service.buscar(id));
    }

    @Operation(summary = "What the person holds now and held before")
    @GetMapping("/{id}/activos")
    PersonaService.Ficha ficha(@PathVariable long id) {
        return service.ficha(id);
    }

    @Operation(summary = "Creates a person (ADMIN)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Persona> crear(@RequestBody PersonaRequest request) {
        Persona persona = service.crear(request);
        return withEtag(ResponseEntity.created(URI.create("/api/personas/" + persona.id())), persona);
    }

    @Operation(summary = "Replaces a person (ADMIN); version in the body or If-Match")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Persona> reemplazar(
            @PathVariable long id,
            @RequestBody PersonaRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withEtag(ResponseEntity.ok(), service.reemplazar(id, request, ifMatch));
    }

    @Operation(summary = "Deletes a person who never held anything (ADMIN); 409 otherwise")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> eliminar(
            @PathVariable long id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        service.eliminar(id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<Persona> withEtag(ResponseEntity.BodyBuilder builder, Persona persona) {
        return builder.eTag(Versions.etag(persona.version())).body(persona);
    }
}
