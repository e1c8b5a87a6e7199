package org.inventarioti.reportes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reports' SQL, straight over the tables: aggregates in one pass, rows for the dashboard lists. */
@Repository
class ReporteConsultas {

    static final Set<String> DIMENSIONES = Set.of("estado", "categoria", "area");

    /** Inventory entities whose changes the dashboard lists (security events stay in the audit log). */
    static final List<String> ENTIDADES_INVENTARIO = List.of("activo", "mantenimiento", "categoria");

    private final JdbcClient jdbc;

    ReporteConsultas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code clave}: what the group is counted by; {@code etiqueta}: how it reads (an área's first spelling). */
    private record Grupo(
            String dimension, String clave, String etiqueta, String moneda, long cantidad, BigDecimal valor) {}

    /**
     * Counts and values by estado, categoría, área and in total, with one scan of the assets. Áreas
     * are counted as the asset list filters them (without case), so a row's link shows its number.
     */
    Map<String, Resumen> resumenes(FiltroReporte filtro) {
        FiltroReporte.Sql sql = filtro.sql();
        List<Grupo> grupos = jdbc.sql("""
                        SELECT g.dimension, CASE WHEN g.dimension = 'categoria' THEN c.nombre ELSE g.clave END AS clave,
                               CASE WHEN g.dimension = 'area' THEN g.etiqueta END AS etiqueta,
                               g.moneda, g.cantidad, g.valor
                        FROM (SELECT CASE WHEN GROUPING(a.estado) = 0 THEN 'estado'
                                          WHEN GROUPING(a.categoria_id) = 0 THEN 'categoria'
                                          WHEN GROUPING(x.area_norm) = 0 THEN 'area'
                                          ELSE 'total' END AS dimension,
                                     CASE WHEN GROUPING(a.estado) = 0 THEN a.estado
                                          WHEN GROUPING(x.area_norm) = 0 THEN x.area_norm END AS clave,
                                     CASE WHEN GROUPING(a.categoria_id) = 0 THEN a.categoria_id END AS categoria_id,
                                     min(coalesce(btrim(a.area), '')) AS etiqueta,
                                     a.moneda, count(*) AS cantidad, sum(a.precio) AS valor
                              FROM activos a
                              CROSS JOIN LATERAL (SELECT lower(coalesce(a.area, '')) AS area_norm) x
                        """ + sql.where() + """
                              GROUP BY GROUPING SETS ((a.estado, a.moneda), (a.categoria_id, a.moneda),
                                                      (x.area_norm, a.moneda), (a.moneda))) g
                        LEFT JOIN categorias c ON c.id = g.categoria_id
                        """)
                .params(sql.params())
                .query(Grupo.class)
                .list();
        Map<String, Resumen> resumenes = new LinkedHashMap<>();
        for (String dimension : List.of("estado", "categoria", "area")) {
            resumenes.put(dimension, resumen(dimension, grupos));
        }
        return resumenes;
    }

    private static Resumen resumen(String dimension, List<Grupo> grupos) {
        Map<String, List<Grupo>> porClave = new LinkedHashMap<>();
        Map<String, String> etiquetas = new LinkedHashMap<>();
        long total = 0;
        List<Resumen.Importe> valorTotal = new ArrayList<>();
        for (Grupo g : grupos) {
            if (g.dimension().equals(dimension)) {
                String clave = g.clave() == null ? "" : g.clave();
                porClave.computeIfAbsent(clave, k -> new ArrayList<>()).add(g);
                if (g.etiqueta() != null) {
                    etiquetas.merge(clave, g.etiqueta(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
                }
            } else if (g.dimension().equals("total")) {
                total += g.cantidad();
                importe(g).ifPresent(valorTotal::add);
            }
        }
        List<Resumen.Fila> filas = new ArrayList<>();
        porClave.forEach((clave, lista) -> filas.add(new Resumen.Fila(
                etiquetas.getOrDefault(clave, clave),
                lista.stream().mapToLong(Grupo::cantidad).sum(),
                lista.stream()
                        .map(ReporteConsultas::importe)
                        .flatMap(java.util.Optional::stream)
                        .sorted(java.util.Comparator.comparing(Resumen.Importe::moneda))
                        .toList())));
        filas.sort(java.util.Comparator.comparingLong(Resumen.Fila::cantidad)
                .reversed()
                .thenComparing(Resumen.Fila::clave));
        valorTotal.sort(java.util.Comparator.comparing(Resumen.Importe::moneda));
        return new Resumen(dimension, filas, total, valorTotal);
    }

    private static java.util.Optional<Resumen.Importe> importe(Grupo g) {
        return g.valor() == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(new Resumen.Importe(g.moneda() == null ? "" : g.moneda(), g.valor()));
    }

    record Pendientes(long vencidos, long semana) {}

    Pendientes contarMantenimientos(LocalDate hoy, LocalDate finSemana) {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE fecha_programada < :hoy) AS vencidos,
                               count(*) FILTER (WHERE fecha_programada BETWEEN :hoy AND :fin) AS semana
                        FROM mantenimientos
                        WHERE estado IN ('programado', 'en_progreso') AND fecha_programada IS NOT NULL
                          AND coalesce(fecha_programada, '-infinity'::date) <= :fin""")
                .param("hoy", hoy)
                .param("fin", finSemana)
                .query(Pendientes.class)
                .single();
    }

    /**
     * The open records due this week or overdue by technician (the unassigned ones under a null
     * id), those with the most overdue first.
     */
    List<Panel.ColaTecnico> colasPorTecnico(LocalDate hoy, LocalDate finSemana) {
        return jdbc.sql("""
                        SELECT m.tecnico_id, u.nombre,
                               count(*) FILTER (WHERE m.fecha_programada BETWEEN :hoy AND :fin) AS semana,
                               count(*) FILTER (WHERE m.fecha_programada < :hoy) AS vencidos
                        FROM mantenimientos m LEFT JOIN usuarios u ON u.id = m.tecnico_id
                        WHERE m.estado IN ('programado', 'en_progreso') AND m.fecha_programada <= :fin
                        GROUP BY m.tecnico_id, u.nombre
                        ORDER BY vencidos DESC, semana DESC, u.nombre NULLS LAST, m.tecnico_id""")
                .param("hoy", hoy)
                .param("fin", finSemana)
                .query(Panel.ColaTecnico.class)
                .list();
    }

    List<Panel.MantenimientoPendiente> mantenimientos(LocalDate desde, LocalDate hasta, int limite) {
        return jdbc.sql("""
                        SELECT m.id, m.titulo, m.tipo, m.estado, m.fecha_programada, a.codigo, a.nombre
                        FROM mantenimientos m JOIN activos a ON a.id = m.activo_id
                        WHERE m.estado IN ('programado', 'en_progreso')
                          AND coalesce(m.fecha_programada, '-infinity'::date) BETWEEN :desde AND :hasta
                        ORDER BY coalesce(m.fecha_programada, '-infinity'::date), m.id
                        LIMIT :limite""")
                .param("desde", desde)
                .param("hasta", hasta)
                .param("limite", limite)
                .query(Panel.MantenimientoPendiente.class)
                .list();
    }

    long contarGarantias(LocalDate hoy, LocalDate limite) {
        return jdbc.sql("""
                        SELECT count(*) FROM activos
                        WHERE coalesce(garantia_hasta, '-infinity'::date) BETWEEN :hoy AND :limite
                          AND estado <> 'Dado de baja'""")
                .param("hoy", hoy)
                .param("limite", limite)
                .query(Long.class)
                .single();
    }

    List<Panel.GarantiaPorVencer> garantias(LocalDate hoy, LocalDate limite, int cuantas) {
        return jdbc.sql("""
                        SELECT codigo, nombre, garantia_hasta FROM activos
                        WHERE coalesce(garantia_hasta, '-infinity'::date) BETWEEN :hoy AND :limite
                          AND estado <> 'Dado de baja'
                        ORDER BY coalesce(garantia_hasta, '-infinity'::date), id
                        LIMIT :cuantas""")
                .param("hoy", hoy)
                .param("limite", limite)
                .param("cuantas", cuantas)
                .query(Panel.GarantiaPorVencer.class)
                .list();
    }

    List<Panel.Cambio> cambiosRecientes(int cuantos) {
        return jdbc.sql("""
                        SELECT ocurrido_en, actor_email, accion, entidad, entidad_id,
                               CASE WHEN entidad = 'activo' THEN coalesce(despues->>'codigo', antes->>'codigo') END AS codigo
                        FROM auditoria
                        WHERE entidad IN (:entidades)
                        ORDER BY id DESC
                        LIMIT :cuantos""")
                .param("entidades", ENTIDADES_INVENTARIO)
                .param("cuantos", cuantos)
                .query(Panel.Cambio.class)
                .list();
    }

    record CategoriaOpcion(long id, String nombre) {}

    List<CategoriaOpcion> categorias() {
        return jdbc.sql("SELECT id, nombre FROM categorias ORDER BY lower(nombre)")
                .query(CategoriaOpcion.class)
                .list();
    }
}
