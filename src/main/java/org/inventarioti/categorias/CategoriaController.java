package org.inventarioti.categorias;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Categories and their especificaciones schemas: everyone reads, ADMIN writes. */
@RestController
@Tag(name = "categorias")
@RequestMapping(path = "/api/categorias", produces = MediaType.APPLICATION_JSON_VALUE)
class CategoriaController {

    private final CategoriaService service;

    CategoriaController(CategoriaService service) {
        this.service = service;
    }

    @Operation(summary = "List categories")
    @ListQueryDoc(
            filters = {"q: part of the name, any case"},
            sorts = {"nombre", "id"},
            defaultSort = "nombre")
    @GetMapping
    ListPage<Categoria> listar(@RequestParam MultiValueMap<String, String> query) {
        return service.listar(query);
    }

    @Operation(summary = "Get a category and its JSON Schema")
    @GetMapping("/{id}")
    ResponseEntity<Categoria> buscar(@PathVariable long id) {
        Categoria categoria = service.buscar(id);
        return ResponseEntity.ok().eTag(Versions.etag(categoria.version())).body(categoria);
    }

    @Operation(summary = "Assets whose especificaciones do not follow the current schema")
    @GetMapping("/{id}/no-conformes")
    NoConformes noConformes(@PathVariable long id) {
        return service.noConformes(id);
    }

    @Operation(
            summary = "Create a category (ADMIN)",
            description = "esquema: a JSON Schema 2020-12 for objects; 422 when it is not one.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Categoria> crear(@RequestBody CategoriaRequest request) {
        Categoria created = service.crear(request);
        return ResponseEntity.created(URI.create("/api/categorias/" + created.id()))
                .eTag(Versions.etag(created.version()))
                .body(created);
    }

    @Operation(
            summary = "Replace a category (ADMIN)",
            description = "Answers the assets that no longer conform (no_conformes); they are not changed.")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CategoriaService.Actualizacion> reemplazar(
            @PathVariable long id,
            @RequestBody CategoriaRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var result = service.reemplazar(id, request, ifMatch);
        return ResponseEntity.ok()
                .eTag(Versions.etag(result.categoria().version()))
                .body(result);
    }

    @Operation(summary = "Delete a category (ADMIN)", description = "409 while assets use it.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> eliminar(@PathVariable long id) {
        service.eliminar(id);
        return ResponseEntity.noContent().build();
    }
}
