package org.inventarioti.personas;

import java.util.List;
import java.util.Optional;
import org.inventarioti.listing.Records;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The people ({@code personas}) and the migration's report of unlinked texts ({@code custodia_pendientes}). */
@Repository
class PersonaRepository {

    static final int LIMITE = 500;

    private static final String SELECT = """
            SELECT id, nombre, email, numero_empleado, area, cargo, activa, usuario_id, version, created_at, created_by,
                   updated_at, updated_by
            FROM personas""";

    private final JdbcClient jdbc;
    private final RowMapper<Persona> rows;
    private final JsonMapper json;

    PersonaRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.rows = Records.rowMapper(Persona.class, json);
    }

    /** Up to {@link #LIMITE} people by name; {@code q} matches name, e-mail or employee number ignoring case and accents. */
    List<Persona> listar(String q, Boolean activa) {
        return jdbc.sql(SELECT + "\n" + """
                         WHERE (CAST(:q AS text) IS NULL OR clave LIKE '%' || inventario_clave_nombre(:q) || '%'
                                OR lower(email) LIKE '%' || lower(:q) || '%' OR numero_empleado = :q)
                           AND (CAST(:activa AS boolean) IS NULL OR activa = :activa)
                         ORDER BY clave, id LIMIT\s""" + LIMITE)
                .param("q", q)
                .param("activa", activa)
                .query(rows)
                .list();
    }

    Optional<Persona> findById(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(rows).optional();
    }

    long insert(PersonaRequest p, String actor) {
        return jdbc.sql("""
                        INSERT INTO personas (nombre, email, numero_empleado, area, cargo, activa, usuario_id,
                                              created_by, updated_by)
                        VALUES (:nombre, :email, :numeroEmpleado, :area, :cargo, :activa, :usuarioId, :actor, :actor)
                        RETURNING id""")
                .paramSource(Records.params(p, json, java.util.Map.of("actor", actor)))
                .query(Long.class)
                .single();
    }

    boolean update(long id, int version, PersonaRequest p, String actor) {
        return jdbc.sql("""
                                UPDATE personas SET nombre = :nombre, email = :email, numero_empleado = :numeroEmpleado,
                                       area = :area, cargo = :cargo, activa = :activa, usuario_id = :usuarioId,
                                       updated_by = :actor, updated_at = now(), version = version + 1
                                WHERE id = :id AND version = :v""")
                        .paramSource(Records.params(p, json, java.util.Map.of("actor", actor, "id", id, "v", version)))
                        .update()
                == 1;
    }

    boolean delete(long id, Integer version) {
        return jdbc.sql("DELETE FROM personas WHERE id = :id AND (CAST(:v AS integer) IS NULL OR version = :v)")
                        .param("id", id)
                        .param("v", version)
                        .update()
                == 1;
    }

    List<Pendiente> pendientes() {
        return jdbc.sql(
                        "SELECT campo, texto, motivo, activos FROM custodia_pendientes ORDER BY campo, activos DESC, texto")
                .query(Pendiente.class)
                .list();
    }
}
