package org.inventarioti.mantenimientos;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.inventarioti.web.FiltrosPagina;

/**
 * The filters of the maintenance page as the browser sends them: the API's filters, the asset by
 * its codigo, and the queue ({@code cola}): all, due this week (open, from today to Sunday, as the
 * dashboard counts it) or overdue (open, scheduled before today); the two queues never overlap.
 */
record FiltroMantenimientos(
        String tecnicoId,
        String tipo,
        String estado,
        String activo,
        String desde,
        String hasta,
        String cola,
        String page) {

    static final List<String> COLAS = List.of("todos", "pendientes", "vencidos");
    static final int POR_PAGINA = 25;

    static FiltroMantenimientos de(Map<String, String> query) {
        String cola = query.getOrDefault("cola", "todos");
        return new FiltroMantenimientos(
                FiltrosPagina.valor(query, "tecnico_id"),
                FiltrosPagina.valor(query, "tipo"),
                FiltrosPagina.valor(query, "estado"),
                FiltrosPagina.valor(query, "activo"),
                FiltrosPagina.valor(query, "desde"),
                FiltrosPagina.valor(query, "hasta"),
                COLAS.contains(cola) ? cola : "todos",
                FiltrosPagina.valor(query, "page"));
    }

    /** The service's query; the queues sort the oldest first, the full list the newest first. */
    Map<String, List<String>> consulta(LocalDate hoy, ToLongFunction<String> activoPorCodigo) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        FiltrosPagina.poner(q, "tecnico_id", tecnicoId);
        FiltrosPagina.poner(q, "tipo", tipo);
        FiltrosPagina.poner(q, "estado", estado);
        FiltrosPagina.poner(q, "desde", desde);
        FiltrosPagina.poner(q, "hasta", hasta);
        FiltrosPagina.poner(q, "page", page);
        if (activo != null) {
            FiltrosPagina.poner(q, "activo_id", Long.toString(activoPorCodigo.applyAsLong(activo)));
        }
        if (cola.equals("pendientes")) {
            FiltrosPagina.poner(q, "pendientes_hasta", finDeSemana(hoy).toString());
            FiltrosPagina.poner(q, "vencidos", "false");
        } else if (cola.equals("vencidos")) {
            FiltrosPagina.poner(q, "vencidos", "true");
        }
        if (!cola.equals("todos")) {
            FiltrosPagina.poner(q, "sort", "fecha_programada");
        }
        FiltrosPagina.poner(q, "size", Integer.toString(POR_PAGINA));
        return q;
    }

    /** The last day of "this week": the coming Sunday, today on a Sunday (the dashboard's rule). */
    static LocalDate finDeSemana(LocalDate hoy) {
        return hoy.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    }

    /** The same filters in another queue, first page: what that queue's tab counts. */
    FiltroMantenimientos en(String otra) {
        return new FiltroMantenimientos(tecnicoId, tipo, estado, activo, desde, hasta, otra, null);
    }

    /** The link to another page of the same list. */
    public String enlace(int pagina) {
        return parametros(cola, pagina);
    }

    /** The link to a queue with the same filters. */
    public String enCola(String otra) {
        return parametros(otra, 1);
    }

    public int pagina() {
        return FiltrosPagina.pagina(page);
    }

    private String parametros(String enCola, int pagina) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("cola", enCola.equals("todos") ? null : enCola);
        p.put("tecnico_id", tecnicoId);
        p.put("tipo", tipo);
        p.put("estado", estado);
        p.put("activo", activo);
        p.put("desde", desde);
        p.put("hasta", hasta);
        p.put("page", pagina > 1 ? Integer.toString(pagina) : null);
        return FiltrosPagina.enlace(p);
    }
}
