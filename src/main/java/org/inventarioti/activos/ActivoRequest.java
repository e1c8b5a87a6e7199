package org.inventarioti.activos;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import tools.jackson.databind.node.ObjectNode;

/**
 * An asset as clients send it (create, full replace, or the result of a partial update). The
 * read-only fields of the representation are accepted and ignored, so a client may send back
 * what it read. Absent estado and bitlocker mean "Activo" and "unknown".
 */
@JsonIgnoreProperties(
        value = {"id", "codigo", "categoria", "created_at", "created_by", "updated_at", "updated_by"},
        allowGetters = true)
public record ActivoRequest(
        @NotNull Long categoriaId,
        @NotBlank @Size(max = 200) String nombre,
        @Size(max = 200) String marca,
        @Size(max = 200) String modelo,
        @NotBlank @Size(max = 100) String numeroSerie,

        @Pattern(
                regexp = "Activo|En mantenimiento|En reparación|En almacén|Dado de baja",
                message = "must be one of: Activo, En mantenimiento, En reparación, En almacén, Dado de baja")
        String estado,

        @Size(max = 200) String area,
        @Size(max = 200) String ubicacion,
        Long ubicacionId,
        @Size(max = 200) String proveedor,
        LocalDate fechaCompra,
        LocalDate garantiaHasta,

        @DecimalMin(value = "0", message = "must not be negative")
        @Digits(integer = 12, fraction = 2, message = "must have at most 12 digits and 2 decimals")
        BigDecimal precio,

        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD or EUR")
        String moneda,

        @Size(max = 200) String responsable,
        Long personaId,
        @Size(max = 4000) String notas,

        @Pattern(regexp = "enabled|disabled|unknown", message = "must be one of: enabled, disabled, unknown")
        String bitlocker,

        ObjectNode especificaciones,
        Integer version) {

    /**
     * Without the custody links: the text columns alone (forms, imports); the database links the
     * one person or place a text names (V45).
     */
    public ActivoRequest(
            Long categoriaId,
            String nombre,
            String marca,
            String modelo,
            String numeroSerie,
            String estado,
            String area,
            String ubicacion,
            String proveedor,
            LocalDate fechaCompra,
            LocalDate garantiaHasta,
            BigDecimal precio,
            String moneda,
            String responsable,
            String notas,
            String bitlocker,
            ObjectNode especificaciones,
            Integer version) {
        this(
                categoriaId,
                nombre,
                marca,
                modelo,
                numeroSerie,
                estado,
                area,
                ubicacion,
                null,
                proveedor,
                fechaCompra,
                garantiaHasta,
                precio,
                moneda,
                responsable,
                null,
                notas,
                bitlocker,
                especificaciones,
                version);
    }

    /** Without values of especificaciones or notas: request objects may end up in debug logs. */
    @Override
    public String toString() {
        return "ActivoRequest[categoriaId=" + categoriaId + ", numeroSerie=" + numeroSerie + ", especificaciones="
                + (especificaciones == null ? "null" : especificaciones.propertyNames()) + ", version=" + version + "]";
    }

    static ActivoRequest of(Activo activo) {
        return new ActivoRequest(
                activo.categoriaId(),
                activo.nombre(),
                activo.marca(),
                activo.modelo(),
                activo.numeroSerie(),
                activo.estado(),
                activo.area(),
                activo.ubicacion(),
                activo.ubicacionId(),
                activo.proveedor(),
                activo.fechaCompra(),
                activo.garantiaHasta(),
                activo.precio(),
                activo.moneda(),
                activo.responsable(),
                activo.personaId(),
                activo.notas(),
                activo.bitlocker(),
                activo.especificaciones() instanceof ObjectNode specs ? specs.deepCopy() : null,
                activo.version());
    }

    /** Trimmed texts (blank optional ones as null) and the defaults for estado and bitlocker. */
    ActivoRequest limpio(ObjectNode especificacionesNormalizadas) {
        return new ActivoRequest(
                categoriaId,
                trim(nombre),
                trim(marca),
                trim(modelo),
                trim(numeroSerie),
                estado == null ? Activo.ACTIVO : estado,
                trim(area),
                trim(ubicacion),
                ubicacionId,
                trim(proveedor),
                fechaCompra,
                garantiaHasta,
                precio,
                moneda,
                trim(responsable),
                personaId,
                trim(notas),
                bitlocker == null ? "unknown" : bitlocker,
                especificacionesNormalizadas,
                version);
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
