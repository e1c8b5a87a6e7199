package org.inventarioti.mantenimientos;

import java.sql.Array;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The maintenance records a preventive plan generates (the plans feature calls this): set-based,
 * so a plan over 100 000 assets is a few statements, and idempotent — one record per plan, asset
 * and due date ({@code mantenimientos_plan_fecha_key}), however often it runs. Only records still
 * {@code programado} are ever withdrawn; started, completed and cancelled ones stay as they are.
 */
@Component
public class MantenimientosDePlan {

    /**
     * What a generated record says: copied from the plan; {@code checklist} is the plan's tasks,
     * each still to be ticked (see {@link Tarea}).
     */
    public record Plantilla(String tipo, String titulo, String descripcion, List<String> checklist) {}

    /** One record to generate: the asset, its due date and who does it (null: nobody yet). */
    public record Programado(long activoId, LocalDate fecha, Long tecnicoId) {}

    /** Per asset of a plan: its latest completion, whether a record is still open, how many it completed. */
    public record Avance(LocalDate ultimaCompletada, boolean abierto, int completados) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    MantenimientosDePlan(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    /**
     * Inserts a {@code programado} record for each (asset, due date) not generated before; returns
     * how many were new.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int generar(long planId, Plantilla plantilla, List<Programado> registros, String actor) {
        if (registros.isEmpty()) {
            return 0;
        }
        Long[] ids = registros.stream().map(Programado::activoId).toArray(Long[]::new);
        String[] dates = registros.stream().map(r -> r.fecha().toString()).toArray(String[]::new);
        Long[] tecnicos = registros.stream().map(Programado::tecnicoId).toArray(Long[]::new);
        String checklist = plantilla.checklist().isEmpty()
                ? null
                : json.writeValueAsString(Tarea.pendientes(plantilla.checklist()));
        return template.execute((java.sql.Connection connection) -> {
            Array idArray = connection.createArrayOf("bigint", ids);
            Array dateArray = connection.createArrayOf("text", dates);
            Array tecnicoArray = connection.createArrayOf("bigint", tecnicos);
            try (var statement = connection.prepareStatement("""
                            INSERT INTO mantenimientos (activo_id, tipo, titulo, descripcion, estado, fecha_programada,
                                                        tecnico_id, checklist, plan_id, plan_fecha, created_by,
                                                        updated_by)
                            SELECT g.activo, ?, ?, ?, 'programado', g.fecha::date, g.tecnico, CAST(? AS jsonb), ?,
                                   g.fecha::date, ?, ?
                            FROM unnest(?::bigint[], ?::text[], ?::bigint[]) AS g (activo, fecha, tecnico)
                            ON CONFLICT (plan_id, activo_id, plan_fecha) WHERE plan_id IS NOT NULL DO NOTHING""")) {
                statement.setString(1, plantilla.tipo());
                statement.setString(2, plantilla.titulo());
                statement.setString(3, plantilla.descripcion());
                statement.setString(4, checklist);
                statement.setLong(5, planId);
                statement.setString(6, actor);
                statement.setString(7, actor);
                statement.setArray(8, idArray);
                statement.setArray(9, dateArray);
                statement.setArray(10, tecnicoArray);
                return statement.executeUpdate();
            } finally {
                idArray.free();
                dateArray.free();
                tecnicoArray.free();
            }
        });
    }

    /**
     * Withdraws (deletes) the plan's records still {@code programado} and due on or after
     * {@code desde}, except those of the assets in {@code conservar} (null: withdraw all).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int retirar(long planId, Collection<Long> conservar, LocalDate desde) {
        if (conservar == null) {
            return jdbc.sql("""
                            DELETE FROM mantenimientos
                            WHERE plan_id = :plan AND estado = 'programado' AND plan_fecha >= :desde""").param("plan", planId).param("desde", desde).update();
        }
        Long[] ids = conservar.toArray(Long[]::new);
        return template.execute((java.sql.Connection connection) -> {
            Array idArray = connection.createArrayOf("bigint", ids);
            try (var statement = connection.prepareStatement("""
                    DELETE FROM mantenimientos
                    WHERE plan_id = ? AND estado = 'programado' AND plan_fecha >= ?
                      AND NOT (activo_id = ANY (?::bigint[]))""")) {
                statement.setLong(1, planId);
                statement.setObject(2, desde);
                statement.setArray(3, idArray);
                return statement.executeUpdate();
            } finally {
                idArray.free();
            }
        });
    }

    /** Per asset that has records of the plan: the latest completion date and whether one is open. */
    @Transactional(readOnly = true)
    public Map<Long, Avance> avance(long planId) {
        Map<Long, Avance> avance = new HashMap<>();
        jdbc.sql("""
                        SELECT activo_id,
                               max(fecha_completado) FILTER (WHERE estado = 'completado') AS ultima,
                               bool_or(estado IN ('programado', 'en_progreso')) AS abierto,
                               count(*) FILTER (WHERE estado = 'completado') AS completados
                        FROM mantenimientos WHERE plan_id = :plan GROUP BY activo_id""")
                .param("plan", planId)
                .query((rs, n) -> {
                    var ultima = rs.getObject("ultima", java.time.OffsetDateTime.class);
                    avance.put(
                            rs.getLong("activo_id"),
                            new Avance(
                                    ultima == null
                                            ? null
                                            : ultima.atZoneSameInstant(java.time.ZoneOffset.UTC)
                                                    .toLocalDate(),
                                    rs.getBoolean("abierto"),
                                    rs.getInt("completados")));
                    return null;
                })
                .list();
        return avance;
    }

    /** How many records of the plan are in each estado. */
    @Transactional(readOnly = true)
    public Map<String, Integer> porEstado(long planId) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("SELECT estado, count(*) AS n FROM mantenimientos WHERE plan_id = :plan GROUP BY estado")
                .param("plan", planId)
                .query((rs, n) -> counts.put(rs.getString("estado"), rs.getInt("n")))
                .list();
        return counts;
    }
}
