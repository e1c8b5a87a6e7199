package org.inventarioti.mantenimientos;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters of the maintenance page as the browser sends them: the API's filters, the asset by
 * its codigo, and the queue ({@code cola}): all, due within a week, or overdue.
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
    static final int DIAS_PENDIENTES = 7;
    static final int POR_PAGINA = 25;

    static FiltroMantenimientos de(Map<String, String> query) {
        String cola = query.getOrDefault("cola", "todos");
        return new FiltroMantenimientos(
                valor(query, "tecnico_id"),
                valor(query, "tipo"),
                valor(query, "estado"),
                valor(query, "activo"),
                valor(query, "desde"),
                valor(query, "hasta"),
                COLAS.contains(cola) ? cola : "todos",
                valor(query, "page"));
    }

    /** The service's query; the queues sort the oldest first, the full list the newest first. */
    Map<String, List<String>> consulta(LocalDate hoy, ToLongFunction<String> activoPorCodigo) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        poner(q, "tecnico_id", tecnicoId);
        poner(q, "tipo", tipo);
        poner(q, "estado", estado);
        poner(q, "desde", desde);
        poner(q, "hasta", hasta);
        poner(q, "page", page);
        if (activo != null) {
            poner(q, "activo_id", Long.toString(activoPorCodigo.applyAsLong(activo)));
        }
        if (cola.equals("pendientes")) {
            poner(q, "pendientes_hasta", hoy.plusDays(DIAS_PENDIENTES).toString());
        } else if (cola.equals("vencidos")) {
            poner(q, "vencidos", "true");
        }
        if (!cola.equals("todos")) {
            poner(q, "sort", "fecha_programada");
        }
        poner(q, "size", Integer.toString(POR_PAGINA));
        return q;
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
        try {
            return page == null ? 1 : Integer.parseInt(page);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private String parametros(String enCola, int pagina) {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        anadir(b, "cola", enCola.equals("todos") ? null : enCola);
        anadir(b, "tecnico_id", tecnicoId);
        anadir(b, "tipo", tipo);
        anadir(b, "estado", estado);
        anadir(b, "activo", activo);
        anadir(b, "desde", desde);
        anadir(b, "hasta", hasta);
        anadir(b, "page", pagina > 1 ? Integer.toString(pagina) : null);
        String query = b.encode().build().toUriString();
        return query.isEmpty() ? "?" : query;
    }

    private static void anadir(UriComponentsBuilder b, String nombre, String valor) {
        if (valor != null) {
            b.queryParam(nombre, valor);
        }
    }

    private static void poner(Map<String, List<String>> q, String nombre, String valor) {
        if (valor != null) {
            q.put(nombre, List.of(valor));
        }
    }

    private static String valor(Map<String, String> query, String nombre) {
        String v = query.get(nombre);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
