package org.inventarioti.importacion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.inventarioti.auditoria.AuditoriaService;
import org.inventarioti.errors.InvalidException;
import org.inventarioti.secretos.DetectorSecretos;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saved column mappings ({@code importacion_mapeos}): the import page saves the header → field
 * choices under a name (the same name, any case, replaces them) and applies them to another file.
 * A name is 1–100 characters without a secret; each field is one the import knows, a {@code spec.}
 * key, or empty (the column ignored).
 */
@Service
class MapeosGuardados {

    record Guardado(long id, String nombre) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MapeosGuardados(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(readOnly = true)
    List<Guardado> listar() {
        return jdbc.sql("SELECT id, nombre FROM importacion_mapeos ORDER BY lower(nombre)")
                .query(Guardado.class)
                .list();
    }

    @Transactional(readOnly = true)
    Optional<Map<String, String>> columnas(long id) {
        return jdbc.sql("SELECT columnas::text FROM importacion_mapeos WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .map(text -> json.readValue(text, new TypeReference<LinkedHashMap<String, String>>() {}));
    }

    @Transactional
    Guardado guardar(String nombre, Map<String, String> columnas) {
        String limpio = nombre == null ? "" : nombre.strip();
        if (limpio.isEmpty() || limpio.length() > 100) {
            throw InvalidException.of("nombre", "is required, at most 100 characters");
        }
        if (DetectorSecretos.retirar(limpio, "").length() != limpio.length()) {
            throw InvalidException.of("nombre", "holds a secret");
        }
        if (columnas.isEmpty()) {
            throw InvalidException.of("campo", "no column to save");
        }
        for (String campo : columnas.values()) {
            if (!(campo.isEmpty()
                    || Mapeo.CAMPOS.contains(campo)
                    || campo.startsWith(Mapeo.SPEC) && campo.length() < 200)) {
                throw InvalidException.of("campo", "unknown field: " + campo);
            }
        }
        long id = jdbc.sql("""
                        INSERT INTO importacion_mapeos (nombre, columnas, actor)
                        VALUES (:nombre, CAST(:columnas AS jsonb), :actor)
                        ON CONFLICT (lower(nombre)) DO UPDATE
                            SET nombre = EXCLUDED.nombre, columnas = EXCLUDED.columnas, actor = EXCLUDED.actor,
                                actualizado_en = now()
                        RETURNING id""")
                .param("nombre", limpio)
                .param("columnas", json.writeValueAsString(columnas))
                .param("actor", AuditoriaService.currentActor())
                .query(Long.class)
                .single();
        return new Guardado(id, limpio);
    }
}
