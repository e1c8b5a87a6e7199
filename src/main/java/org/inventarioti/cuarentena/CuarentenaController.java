package org.inventarioti.cuarentena;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/especificaciones/cuarentena} (ADMIN): the legacy specification texts that were
 * not JSON objects, kept verbatim so they can be fixed, never silently dropped.
 */
@RestController
class CuarentenaController {

    private final Cuarentena cuarentena;

    CuarentenaController(Cuarentena cuarentena) {
        this.cuarentena = cuarentena;
    }

    @GetMapping("/api/especificaciones/cuarentena")
    List<Cuarentena.EntradaCuarentena> listar(@RequestParam(defaultValue = "false") boolean pendientes) {
        return cuarentena.listar(pendientes);
    }
}
