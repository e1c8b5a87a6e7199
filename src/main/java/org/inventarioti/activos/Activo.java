package org.inventarioti.activos;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.inventarioti.errors.Versioned;
import tools.jackson.databind.JsonNode;

/** An asset as the API, the UI and the audit trail show it. */
public record Activo(
        long id,
        String codigo,
        long categoriaId,
        String categoria,
        String nombre,
        String marca,
        String modelo,
        String numeroSerie,
        String estado,
        String area,
        String ubicacion,
        Long ubicacionId,
        String proveedor,
        LocalDate fechaCompra,
        LocalDate garantiaHasta,
        BigDecimal precio,
        String moneda,
        String responsable,
        Long personaId,
        String notas,
        String bitlocker,
        JsonNode especificaciones,
        int version,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime updatedAt,
        String updatedBy)
        implements Versioned {

    public static final String ACTIVO = "Activo";
    public static final String EN_MANTENIMIENTO = "En mantenimiento";
    public static final String EN_REPARACION = "En reparación";
    public static final String EN_ALMACEN = "En almacén";
    public static final String DADO_DE_BAJA = "Dado de baja";
    public static final List<String> ESTADOS =
            List.of(ACTIVO, EN_MANTENIMIENTO, EN_REPARACION, EN_ALMACEN, DADO_DE_BAJA);
    public static final List<String> BITLOCKER = List.of("enabled", "disabled", "unknown");
}
