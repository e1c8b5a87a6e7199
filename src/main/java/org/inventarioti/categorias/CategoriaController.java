package org.inventarioti.categorias;

import java.net.URI;
import org.inventarioti.web.ListPage;
import org.inventarioti.web.Versions;
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
@RequestMapping(path = "/api/categorias", produces = MediaType.APPLICATION_JSON_VALUE)
class CategoriaController {

    private final CategoriaService service;

    CategoriaController(CategoriaService service) {
        this.service = service;
    }

    @GetMapping
    ListPage<Categoria> listar(@RequestParam MultiValueMap<String, String> query) {
        return service.listar(query);
    }

    @GetMapping("/{id}")
    ResponseEntity<Categoria> buscar(@PathVariable long id) {
        Categoria categoria = service.buscar(id);
        return ResponseEntity.ok().eTag(Versions.etag(categoria.version())).body(categoria);
    }

    @GetMapping("/{id}/no-conformes")
    NoConformes noConformes(@PathVariable long id) {
        return service.noConformes(id);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Categoria> crear(@RequestBody CategoriaRequest request) {
        Categoria created = service.crear(request);
        return ResponseEntity.created(URI.create("/api/categorias/" + created.id()))
                .eTag(Versions.etag(created.version()))
                .body(created);
    }

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

    @DeleteMapping("/{id}")
    ResponseEntity<Void> eliminar(@PathVariable long id) {
        service.eliminar(id);
        return ResponseEntity.noContent().build();
    }
}
