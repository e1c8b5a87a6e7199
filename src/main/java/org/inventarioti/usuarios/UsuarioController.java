package org.inventarioti.usuarios;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administration of users (ADMIN only, see {@link SecurityConfiguration}). */
@RestController
@RequestMapping(path = "/api/usuarios", produces = MediaType.APPLICATION_JSON_VALUE)
class UsuarioController {

    private final UsuarioService service;

    UsuarioController(UsuarioService service) {
        this.service = service;
    }

    @GetMapping
    List<UsuarioView> listar() {
        return service.listar();
    }

    @GetMapping("/{id}")
    UsuarioView buscar(@PathVariable long id) {
        return service.buscar(id);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<UsuarioView> crear(@Valid @RequestBody CrearUsuarioRequest request) {
        UsuarioView created = service.crear(request);
        return ResponseEntity.created(URI.create("/api/usuarios/" + created.id()))
                .body(created);
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    UsuarioView actualizar(@PathVariable long id, @Valid @RequestBody ActualizarUsuarioRequest request) {
        return service.actualizar(id, request);
    }

    @PostMapping(path = "/{id}/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> restablecerPassword(@PathVariable long id, @Valid @RequestBody NuevaPasswordRequest request) {
        service.restablecerPassword(id, request.password());
        return ResponseEntity.noContent().build();
    }
}
