package org.inventarioti.cuarentena;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The legacy specification texts that were not JSON objects (V2), kept verbatim so they can be
 * fixed, never silently dropped. Read by the API and the administrators' page.
 */
@Repository
class Cuarentena {

    record EntradaCuarentena(
            long activoId,
            String codigo,
            String textoOriginal,
            String motivo,
            OffsetDateTime detectadoEn,
            OffsetDateTime resueltoEn) {}

    private final JdbcClient jdbc;

    Cuarentena(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<EntradaCuarentena> listar(boolean pendientes) {
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
