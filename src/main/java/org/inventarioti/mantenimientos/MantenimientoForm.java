package org.inventarioti.mantenimientos;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The maintenance form of the browser: the asset is named by its codigo. The constraints repeat
 * those of {@link MantenimientoRequest} only to show them in the reader's language; the service
 * decides.
 */
record MantenimientoForm(
        @NotBlank @Size(max = 64) String activoCodigo,
        @NotNull String tipo,
        @NotBlank @Size(max = 200) String titulo,
        @Size(max = 4000) String descripcion,
        String estado,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate fechaProgramada,
        Long tecnicoId,
        @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal costo,
        @Size(max = 4000) String notas,
        Integer version) {

    static MantenimientoForm nuevo(String activoCodigo, LocalDate fecha) {
        return new MantenimientoForm(
                activoCodigo, "preventivo", "", "", Mantenimiento.PROGRAMADO, fecha, null, null, "", null);
    }

    static MantenimientoForm de(Mantenimiento m) {
        return new MantenimientoForm(
                m.activoCodigo(),
                m.tipo(),
                m.titulo(),
                m.descripcion(),
                m.estado(),
                m.fechaProgramada(),
                m.tecnicoId(),
                m.costo(),
                m.notas(),
                m.version());
    }

    MantenimientoRequest request(long activoId, OffsetDateTime fechaCompletado) {
        return new MantenimientoRequest(
                activoId,
                tipo,
                titulo,
                descripcion,
                estado,
                fechaProgramada,
                fechaCompletado,
                tecnicoId,
                costo,
                notas,
                version);
    }
}
