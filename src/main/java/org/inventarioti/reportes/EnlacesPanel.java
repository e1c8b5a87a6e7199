package org.inventarioti.reportes;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where each dashboard figure leads: the asset or maintenance list filtered so that it counts the
 * same assets or records (estado, categoría and área rows; the maintenance queues; warranties
 * ending within {@link ReporteService#DIAS_GARANTIA} days, both ends included, of assets not
 * retired). An empty área has no filter in the list, so its row has no link.
 */
final class EnlacesPanel {

    private final LocalDate hoy;
    private final Map<String, Long> categorias;

    EnlacesPanel(LocalDate hoy, Map<String, Long> categorias) {
        this.hoy = hoy;
        this.categorias = categorias;
    }

    static EnlacesPanel de(LocalDate hoy, java.util.List<ReporteConsultas.CategoriaOpcion> categorias) {
        return new EnlacesPanel(
                hoy,
                categorias.stream()
                        .collect(Collectors.toMap(
                                ReporteConsultas.CategoriaOpcion::nombre,
                                ReporteConsultas.CategoriaOpcion::id,
                                (a, b) -> a)));
    }

    public String activos() {
        return "/activos";
    }

    /** The list of the assets a row of {@code dimension} counts, or null when the list has no such filter. */
    public String fila(String dimension, String clave) {
        return switch (dimension) {
            case "estado" -> url("/activos", Map.of("estado", clave));
            case "categoria" -> porNombre(clave, id -> url("/activos", Map.of("categoria_id", id.toString())));
            case "area" -> clave == null || clave.isBlank() ? null : url("/activos", Map.of("area", clave));
            default -> null;
        };
    }

    public String mantenimientos(String cola) {
        return url("/mantenimientos", Map.of("cola", cola));
    }

    /** Assets whose warranty ends from today to today + 30 days (the list's upper bound is exclusive), not retired. */
    public String garantias() {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/activos")
                .queryParam("garantia_vence_desde", hoy)
                .queryParam("garantia_vence_antes", hoy.plusDays(ReporteService.DIAS_GARANTIA + 1L))
                .queryParam("sort", "garantia_hasta");
        FiltroReporte.ESTADOS.stream()
                .filter(e -> !e.equals("Dado de baja"))
                .sorted()
                .forEach(e -> b.queryParam("estado", e));
        return b.encode().build().toUriString();
    }

    private String porNombre(String nombre, Function<Long, String> enlace) {
        Long id = categorias.get(nombre);
        return id == null ? null : enlace.apply(id);
    }

    private static String url(String ruta, Map<String, String> params) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(ruta);
        params.forEach(b::queryParam);
        return b.encode().build().toUriString();
    }
}
