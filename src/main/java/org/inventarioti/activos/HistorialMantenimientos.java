package org.inventarioti.activos;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The maintenance history an asset's page shows. The maintenance feature provides it (it depends
 * on assets, so assets cannot call it directly without a cycle between the two features).
 */
public interface HistorialMantenimientos {

    /** The asset's most recent maintenance records (at most {@code maximo}) and how many it has. */
    Resultado deActivo(long activoId, int maximo);

    record Resultado(List<Fila> filas, long total) {}

    /** One maintenance record as the asset's page lists it. */
    record Fila(
            long id,
            String tipo,
            String titulo,
            String estado,
            LocalDate fechaProgramada,
            OffsetDateTime fechaCompletado,
            String tecnico,
            BigDecimal costo,
            boolean vencido) {}
}
