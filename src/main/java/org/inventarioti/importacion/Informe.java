package org.inventarioti.importacion;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The preview (dry run) and the validation report of an import, as text and as JSON. For every
 * source table: rows read = imported + quarantined + refused, so {@code sin_explicar} is 0; after
 * a real run the target's row counts are compared with what was imported.
 */
public record Informe(
        String runId,
        boolean simulacion,
        String origen,
        String destino,
        List<Tabla> tablas,
        List<Decision> decisiones,
        List<Usuario> usuarios,
        Secretos secretos,
        List<String> avisos,
        Map<String, Long> enDestino,
        double segundos) {

    /** Per source table. {@code cuarentena}: imported with their especificaciones text in quarantine. */
    public record Tabla(
            String nombre,
            long leidas,
            long importadas,
            long cuarentena,
            long rechazadas,
            Map<String, Long> motivos,
            List<Rechazo> rechazos) {

        @JsonProperty("sin_explicar")
        public long sinExplicar() {
            return leidas - importadas - cuarentena - rechazadas;
        }
    }

    public record Rechazo(String id, String motivo) {}

    public record Decision(String seccion, String de, String a, long filas, List<String> ejemplos) {}

    public record Usuario(long id, String email, String rolOriginal, String rol, boolean habilitado, String nota) {}

    /** How many secret keys or values were stripped, and from which assets (by code). */
    public record Secretos(long claves, List<String> activos) {}

    /** Every source table accounted for, and (after a real run) the target holding what was imported. */
    @JsonProperty("cuadra")
    public boolean cuadra() {
        for (Tabla tabla : tablas) {
            if (tabla.sinExplicar() != 0) {
                return false;
            }
        }
        return enDestino.isEmpty() || destinoCuadra();
    }

    /** Categories are matched or created (the target also holds its own), so they are not compared. */
    private boolean destinoCuadra() {
        for (String nombre : List.of("usuarios", "activos", "mantenimientos")) {
            Tabla tabla = tabla(nombre);
            long imported = tabla == null ? 0 : tabla.importadas() + tabla.cuarentena();
            if (enDestino.getOrDefault(nombre, 0L) != imported) {
                return false;
            }
        }
        Tabla activos = tabla("activos");
        return enDestino.getOrDefault("especificaciones_cuarentena", 0L)
                == (activos == null ? 0 : activos.cuarentena());
    }

    public Tabla tabla(String nombre) {
        return tablas.stream()
                .filter(t -> t.nombre().equals(nombre))
                .findFirst()
                .orElse(null);
    }

    public String json() {
        return JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .propertyNamingStrategy(tools.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
                .build()
                .writeValueAsString(this);
    }

    public void imprimir(PrintWriter out) {
        out.println(
                (simulacion ? "Import preview (dry run: nothing was written)" : "Import report") + ", run " + runId);
        out.println("  source: " + origen);
        out.println("  target: " + destino);
        out.println();
        out.printf(
                Locale.ROOT,
                "  %-16s %8s %9s %11s %8s %12s%n",
                "table",
                "read",
                "imported",
                "quarantined",
                "refused",
                "unaccounted");
        for (Tabla t : tablas) {
            out.printf(
                    Locale.ROOT,
                    "  %-16s %8d %9d %11d %8d %12d%n",
                    t.nombre(),
                    t.leidas(),
                    t.importadas(),
                    t.cuarentena(),
                    t.rechazadas(),
                    t.sinExplicar());
        }
        for (Tabla t : tablas) {
            t.motivos()
                    .forEach((motivo, n) -> out.println("  refused " + t.nombre() + " (" + n + "): " + motivo
                            + ids(t.rechazos().stream()
                                    .filter(r -> r.motivo().equals(motivo))
                                    .map(Rechazo::id)
                                    .toList())));
        }
        String seccion = null;
        for (Decision d : decisiones) {
            if (!Objects.equals(seccion, d.seccion())) {
                seccion = d.seccion();
                out.println();
                out.println("  " + seccion + ":");
            }
            String rows = d.ejemplos().isEmpty() && d.filas() == 1
                    ? ""
                    : "  (" + d.filas() + (d.filas() == 1 ? " row" : " rows")
                            + (d.ejemplos().isEmpty() ? "" : ", e.g. " + String.join(", ", d.ejemplos())) + ")";
            out.println("    " + d.de() + " -> " + d.a() + rows);
        }
        out.println();
        out.println("  users (original role -> role here):");
        for (Usuario u : usuarios) {
            out.println("    " + u.email() + ": " + (u.rolOriginal() == null ? "(none)" : u.rolOriginal()) + " -> "
                    + u.rol() + (u.habilitado() ? "" : " (disabled)") + (u.nota() == null ? "" : "; " + u.nota()));
        }
        out.println();
        if (secretos.claves() == 0) {
            out.println("  secrets: none found");
        } else {
            out.println("  secrets: " + secretos.claves() + " stripped from "
                    + secretos.activos().size()
                    + " assets (never stored, logged or printed; move the originals into a secret manager): "
                    + String.join(", ", secretos.activos()));
        }
        avisos.forEach(a -> out.println("  warning: " + a));
        if (!enDestino.isEmpty()) {
            out.println("  target now holds: " + enDestino);
        }
        out.printf(
                Locale.ROOT,
                "  result: %s (%.1f s)%n",
                cuadra() ? "OK, 0 unaccounted rows" : "MISMATCH: see the unaccounted column",
                segundos);
    }

    private static String ids(List<String> ids) {
        int shown = Math.min(20, ids.size());
        return ": " + String.join(", ", ids.subList(0, shown)) + (ids.size() > shown ? ", …" : "");
    }
}
