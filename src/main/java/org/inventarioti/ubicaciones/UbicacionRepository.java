package org.inventarioti.ubicaciones;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.inventarioti.listing.Records;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The tree of places ({@code ubicaciones}); paths are computed, never stored. */
@Repository
class UbicacionRepository {

    private static final String ARBOL = """
            WITH RECURSIVE arbol (id, ruta, nivel) AS (
                SELECT id, nombre, 0 FROM ubicaciones WHERE padre_id IS NULL
                UNION ALL
                SELECT u.id, a.ruta || ' › ' || u.nombre, a.nivel + 1 FROM ubicaciones u JOIN arbol a ON u.padre_id = a.id
            )
            SELECT u.id, u.nombre, u.padre_id, a.ruta, a.nivel, u.version, u.created_at, u.created_by, u.updated_at,
                   u.updated_by
            FROM ubicaciones u JOIN arbol a ON a.id = u.id""";

    private final JdbcClient jdbc;
    private final RowMapper<Ubicacion> rows;

    UbicacionRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.rows = Records.rowMapper(Ubicacion.class, json);
    }

    /** Every place in path order (a parent before its children); {@code q} matches the path ignoring case and accents. */
    List<Ubicacion> listar(String q) {
        return jdbc.sql(ARBOL + "\n" + """
                         WHERE CAST(:q AS text) IS NULL
                            OR inventario_clave_nombre(a.ruta) LIKE '%' || inventario_clave_nombre(:q) || '%'
                         ORDER BY inventario_clave_nombre(a.ruta), u.id""").param("q", q).query(rows).list();
    }

    Optional<Ubicacion> findById(long id) {
        return jdbc.sql("""
                        SELECT id, nombre, padre_id, ubicaciones_ruta(id) AS ruta,
                               (SELECT cardinality(regexp_split_to_array(ubicaciones_ruta(id), ' › ')) - 1) AS nivel,
                               version, created_at, created_by, updated_at, updated_by
                        FROM ubicaciones WHERE id = :id""").param("id", id).query(rows).optional();
    }

    /** Whether {@code candidata} is {@code id} or lies under it. */
    boolean enSubarbol(long id, long candidata) {
        return jdbc.sql("""
                        WITH RECURSIVE abajo (id) AS (
                            SELECT CAST(:id AS bigint)
                            UNION
                            SELECT u.id FROM ubicaciones u JOIN abajo a ON u.padre_id = a.id
                        )
                        SELECT EXISTS (SELECT 1 FROM abajo WHERE id = :candidata)""")
                .param("id", id)
                .param("candidata", candidata)
                .query(Boolean.class)
                .single();
    }

    long hijos(long id) {
        return jdbc.sql("SELECT count(*) FROM ubicaciones WHERE padre_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    /** Locks the rows of the tree a move reads (so two concurrent moves cannot build a cycle). */
    void bloquearArbol() {
        jdbc.sql("LOCK TABLE ubicaciones IN SHARE ROW EXCLUSIVE MODE").update();
    }

    long insert(UbicacionRequest u, String actor) {
        return jdbc.sql("""
                        INSERT INTO ubicaciones (nombre, padre_id, created_by, updated_by)
                        VALUES (:nombre, :padreId, :actor, :actor) RETURNING id""")
                .param("nombre", u.nombre())
                .param("padreId", u.padreId())
                .param("actor", actor)
                .query(Long.class)
                .single();
    }

    boolean update(long id, int version, UbicacionRequest u, String actor) {
        return jdbc.sql("""
                                UPDATE ubicaciones SET nombre = :nombre, padre_id = :padreId, updated_by = :actor,
                                       updated_at = now(), version = version + 1
                                WHERE id = :id AND version = :v""")
                        .params(Map.of("nombre", u.nombre(), "id", id, "v", version, "actor", actor))
                        .param("padreId", u.padreId())
                        .update()
                == 1;
    }

    boolean delete(long id, Integer version) {
        return jdbc.sql("DELETE FROM ubicaciones WHERE id = :id AND (CAST(:v AS integer) IS NULL OR version = :v)")
                        .param("id", id)
                        .param("v", version)
                        .update()
                == 1;
    }
}
