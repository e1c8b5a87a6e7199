package org.inventarioti.ops.migraciones;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/especificaciones/cuarentena} (ADMIN): the legacy specification texts that were
 * not JSON objects, kept verbatim so they can be fixed, never silently dropped.
 */
@RestController
class CuarentenaController {

    record EntradaCuarentena(
            long activoId,
            String codigo,
            String textoOriginal,
            String motivo,
            OffsetDateTime detectadoEn,
            OffsetDateTime resueltoEn) {}

    private final JdbcClient jdbc;

    CuarentenaController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/especificaciones/cuarentena")
    List<EntradaCuarentena> listar(@RequestParam(defaultValue = "false") boolean pendientes) {
        return jdbc.sql("""
                        SELECT c.activo_id, a.codigo, c.texto_original, c.motivo, c.detectado_en, c.resuelto_en
                        FROM especificaciones_cuarentena c JOIN activos a ON a.id = c.activo_id
                        WHERE NOT :pendientes OR c.resuelto_en IS NULL
                        ORDER BY c.activo_id
                        """)
                .param("pendientes", pendientes)
                .query(EntradaCuarentena.class)
                .list();
    }
}
