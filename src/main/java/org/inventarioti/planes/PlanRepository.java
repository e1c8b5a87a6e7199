package org.inventarioti.planes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The plans ({@code planes}). */
@Repository
class PlanRepository {

    private static final String SELECT = """
            SELECT id, titulo, tipo, descripcion, activo_id, categoria_id, area, ubicacion, cada, unidad, fecha_inicio,
                   anticipacion_dias, desde, tecnico_id, checklist, regla_ordinal, regla_dia_semana, rotacion, estado, version, created_at, created_by, updated_at,
                   updated_by
            FROM planes""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    PlanRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    List<Plan> todos() {
        return jdbc.sql(SELECT + " ORDER BY id").query(PlanRepository::row).list();
    }

    List<Long> activos() {
        return jdbc.sql("SELECT id FROM planes WHERE estado = 'activo' ORDER BY id")
                .query(Long.class)
                .list();
    }

    Optional<Plan> findById(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(PlanRepository::row)
                .optional();
    }

    long insert(PlanRequest p, String actor) {
        return template.execute((java.sql.Connection c) -> {
            try (var s = c.prepareStatement("""
                    INSERT INTO planes (titulo, tipo, descripcion, activo_id, categoria_id, area, ubicacion, cada, unidad,
                                        fecha_inicio, anticipacion_dias, desde, tecnico_id, checklist, regla_ordinal,
                                        regla_dia_semana, rotacion, estado, created_by, updated_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
                int i = bind(s, c, p);
                s.setString(i++, actor);
                s.setString(i, actor);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    boolean update(long id, int version, PlanRequest p, String actor) {
        Integer n = template.execute((java.sql.Connection c) -> {
            try (var s = c.prepareStatement("""
                    UPDATE planes SET titulo = ?, tipo = ?, descripcion = ?, activo_id = ?, categoria_id = ?, area = ?,
                                      ubicacion = ?, cada = ?, unidad = ?, fecha_inicio = ?, anticipacion_dias = ?,
                                      desde = ?, tecnico_id = ?, checklist = ?, regla_ordinal = ?,
                                      regla_dia_semana = ?, rotacion = ?, estado = ?, updated_by = ?,
                                      updated_at = now(), version = version + 1
                    WHERE id = ? AND version = ?""")) {
                int i = bind(s, c, p);
                s.setString(i++, actor);
                s.setLong(i++, id);
                s.setInt(i, version);
                return s.executeUpdate();
            }
        });
        return n != null && n == 1;
    }

    boolean delete(long id, Integer version) {
        return jdbc.sql(
                                "DELETE FROM planes WHERE id = :id AND (CAST(:version AS integer) IS NULL OR version = :version)")
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    private static int bind(java.sql.PreparedStatement s, java.sql.Connection c, PlanRequest p) throws SQLException {
        int i = 1;
        s.setString(i++, p.titulo());
        s.setString(i++, p.tipo());
        s.setString(i++, p.descripcion());
        s.setObject(i++, p.activoId(), java.sql.Types.BIGINT);
        s.setObject(i++, p.categoriaId(), java.sql.Types.BIGINT);
        s.setString(i++, p.area());
        s.setString(i++, p.ubicacion());
        s.setInt(i++, p.cada());
        s.setString(i++, p.unidad());
        s.setObject(i++, p.fechaInicio());
        s.setInt(i++, p.anticipacionDias());
        s.setString(i++, p.desde());
        s.setObject(i++, p.tecnicoId(), java.sql.Types.BIGINT);
        s.setArray(i++, c.createArrayOf("text", p.checklist().toArray()));
        s.setObject(i++, p.reglaOrdinal(), java.sql.Types.SMALLINT);
        s.setObject(i++, p.reglaDiaSemana(), java.sql.Types.SMALLINT);
        s.setArray(i++, c.createArrayOf("bigint", p.rotacion().toArray()));
        s.setString(i++, p.estado());
        return i;
    }

    private static Plan row(ResultSet rs, int n) throws SQLException {
        java.sql.Array checklist = rs.getArray("checklist");
        java.sql.Array rotacion = rs.getArray("rotacion");
        return new Plan(
                rs.getLong("id"),
                rs.getString("titulo"),
                rs.getString("tipo"),
                rs.getString("descripcion"),
                rs.getObject("activo_id", Long.class),
                rs.getObject("categoria_id", Long.class),
                rs.getString("area"),
                rs.getString("ubicacion"),
                rs.getInt("cada"),
                rs.getString("unidad"),
                rs.getObject("fecha_inicio", LocalDate.class),
                rs.getInt("anticipacion_dias"),
                rs.getString("desde"),
                rs.getObject("tecnico_id", Long.class),
                List.copyOf(Arrays.asList((String[]) checklist.getArray())),
                rs.getObject("regla_ordinal", Integer.class),
                rs.getObject("regla_dia_semana", Integer.class),
                List.copyOf(Arrays.asList((Long[]) rotacion.getArray())),
                rs.getString("estado"),
                rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("created_by"),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getString("updated_by"));
    }
}
