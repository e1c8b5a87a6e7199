package org.inventarioti.planes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.inventarioti.errors.Versioned;

/** A preventive maintenance plan, as stored. */
public record Plan(
        long id,
        String titulo,
        String tipo,
        String descripcion,
        Long activoId,
        Long categoriaId,
        String area,
        String ubicacion,
        int cada,
        String unidad,
        LocalDate fechaInicio,
        int anticipacionDias,
        String desde,
        Long tecnicoId,
        List<String> checklist,
        Integer reglaOrdinal,
        Integer reglaDiaSemana,
        List<Long> rotacion,
        String estado,
        int version,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime updatedAt,
        String updatedBy)
        implements Versioned {

    public static final String ACTIVO = "activo";
    public static final String PAUSADO = "pausado";
    public static final String FINALIZADO = "finalizado";
    public static final String DESDE_PROGRAMADA = "programada";
    public static final String DESDE_COMPLETADO = "completado";

    /**
     * The due date {@code k} intervals after the start; with a calendar rule, the rule's weekday
     * in that step's month (e.g. the first Monday).
     */
    LocalDate vencimiento(long k) {
        LocalDate paso = Intervalo.sumar(fechaInicio, unidad, cada * k);
        return reglaOrdinal == null ? paso : Intervalo.enElMes(paso, reglaOrdinal, reglaDiaSemana);
    }

    /** Who does the {@code k}-th record: the rotation's turn, or the plan's technician. */
    Long tecnicoDelPaso(long k) {
        return rotacion.isEmpty() ? tecnicoId : rotacion.get((int) (k % rotacion.size()));
    }
}
