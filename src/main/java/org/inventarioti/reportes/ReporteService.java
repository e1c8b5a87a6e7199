package org.inventarioti.reportes;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.inventarioti.errors.MalformedException;
import org.inventarioti.errors.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The dashboard and the reports: read-only aggregates and a streamed detail for the exports. */
@Service
public class ReporteService {

    static final int LISTA_PANEL = 8;
    static final int DIAS_GARANTIA = 30;
    static final int FETCH = 1000;

    private final ReporteConsultas consultas;
    private final PanelCache cache;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    ReporteService(ReporteConsultas consultas, PanelCache cache, JdbcClient jdbc, Clock clock, JsonMapper json) {
        this.consultas = consultas;
        this.cache = cache;
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    /** The dashboard: figures from {@link PanelCache}, recent changes read live. */
    @Transactional(readOnly = true)
    Panel panel() {
        return cache.obtener(this::leerPanel).conCambios(consultas.cambiosRecientes(LISTA_PANEL));
    }

    private Panel leerPanel() {
        LocalDate hoy = LocalDate.now(clock);
        LocalDate finSemana = hoy.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        Map<String, Resumen> resumenes = consultas.resumenes(FiltroReporte.ninguno());
        ReporteConsultas.Pendientes pendientes = consultas.contarMantenimientos(hoy, finSemana);
        LocalDate limiteGarantia = hoy.plusDays(DIAS_GARANTIA);
        Resumen estado = resumenes.get("estado");
        return new Panel(
                estado.total(),
                estado.valorTotal(),
                estado,
                resumenes.get("categoria"),
                resumenes.get("area"),
                pendientes.semana(),
                pendientes.vencidos(),
                consultas.mantenimientos(hoy, finSemana, LISTA_PANEL),
                consultas.mantenimientos(LocalDate.of(1, 1, 1), hoy.minusDays(1), LISTA_PANEL),
                consultas.colasPorTecnico(hoy, finSemana),
                consultas.contarGarantias(hoy, limiteGarantia),
                consultas.garantias(hoy, limiteGarantia, LISTA_PANEL),
                List.of());
    }

    /** Category names and ids, for the dashboard's links (names are unique). */
    @Transactional(readOnly = true)
    List<ReporteConsultas.CategoriaOpcion> categorias() {
        return consultas.categorias();
    }

    /** Counts and values along {@code dimension} (estado, categoria or area). */
    @Transactional(readOnly = true)
    public Resumen resumen(String dimension, FiltroReporte filtro) {
        if (!ReporteConsultas.DIMENSIONES.contains(dimension)) {
            throw new NotFoundException("Reporte", dimension);
        }
        return consultas.resumenes(validar(filtro)).get(dimension);
    }

    @Transactional(readOnly = true)
    public Map<String, Resumen> resumenes(FiltroReporte filtro) {
        return consultas.resumenes(validar(filtro));
    }

    @Transactional(readOnly = true)
    long contarDetalle(FiltroReporte filtro) {
        FiltroReporte.Sql sql = validar(filtro).sql();
        return jdbc.sql("SELECT count(*) FROM activos a" + sql.where())
                .params(sql.params())
                .query(Long.class)
                .single();
    }

    @Transactional(readOnly = true)
    List<FilaDetalle> detalle(FiltroReporte filtro, int limite) {
        FiltroReporte.Sql sql = validar(filtro).sql();
        return jdbc.sql(detalleSql(sql) + " LIMIT " + limite)
                .params(sql.params())
                .query((rs, n) -> FilaDetalle.map(rs))
                .list();
    }

    /**
     * Hands every matching asset to {@code fila} through a server-side cursor, so memory stays flat
     * whatever the number of rows (a read-only transaction lets PostgreSQL honour the fetch size).
     */
    @Transactional(readOnly = true)
    void recorrerDetalle(FiltroReporte filtro, Consumer<FilaDetalle> fila) {
        FiltroReporte.Sql sql = validar(filtro).sql();
        jdbc.sql(detalleSql(sql)).params(sql.params()).withFetchSize(FETCH).query(rs -> {
            fila.accept(FilaDetalle.map(rs));
        });
    }

    /**
     * The detail with its especificaciones one column per key ({@link ColumnasEspecificacion}):
     * the keys are read first, then the rows, in one snapshot so both passes see the same assets.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    void recorrerDetalle(FiltroReporte filtro, Consumer<ColumnasEspecificacion> columnas, Consumer<FilaDetalle> fila) {
        FiltroReporte.Sql sql = validar(filtro).sql();
        java.util.SortedSet<String> claves = new java.util.TreeSet<>(jdbc.sql("""
                        SELECT DISTINCT jsonb_object_keys(c.esquema->'properties') FROM categorias c
                        WHERE jsonb_typeof(c.esquema->'properties') = 'object'
                          AND c.id IN (SELECT a.categoria_id FROM activos a""" + sql.where() + ")")
                .params(sql.params())
                .query(String.class)
                .list());
        jdbc.sql("SELECT a.especificaciones::text FROM activos a" + sql.where())
                .params(sql.params())
                .withFetchSize(FETCH)
                .query(rs -> {
                    var objeto = ColumnasEspecificacion.objeto(rs.getString(1), json);
                    if (objeto != null) {
                        claves.addAll(objeto.propertyNames());
                    }
                });
        columnas.accept(new ColumnasEspecificacion(List.copyOf(claves)));
        recorrerDetalle(filtro, fila);
    }

    private static String detalleSql(FiltroReporte.Sql sql) {
        return "SELECT " + FilaDetalle.COLUMNAS + " FROM activos a JOIN categorias c ON c.id = a.categoria_id"
                + sql.where() + " ORDER BY a.codigo";
    }

    private static FiltroReporte validar(FiltroReporte filtro) {
        if (filtro.estado() != null && !FiltroReporte.ESTADOS.contains(filtro.estado())) {
            throw new MalformedException("Unknown estado: " + filtro.estado());
        }
        if (filtro.compradoDesde() != null
                && filtro.compradoHasta() != null
                && filtro.compradoDesde().isAfter(filtro.compradoHasta())) {
            throw new MalformedException("fecha_compra_desde is after fecha_compra_hasta");
        }
        return filtro;
    }
}
