package org.inventarioti.activos;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What the asset feature needs of an asset's maintenance records. The maintenance feature provides
 * it (it depends on assets, so assets cannot call it directly without a cycle between the two
 * features), and only it reads its table.
 */
public interface MantenimientosDeActivo {

    /** The asset's most recent maintenance records (at most {@code maximo}) and how many it has. */
    Resultado deActivo(long activoId, int maximo);

    /** The id of a maintenance of this asset that is in progress, if any. */
    Optional<Long> enProgreso(long activoId);

    /** {@link #enProgreso(long)} of many assets in one query: asset id → maintenance id (only those with one). */
    java.util.Map<Long, Long> enProgreso(java.util.Collection<Long> activoIds);

    /** Audits the deletion of the asset's maintenance records, which go with the asset. */
    void activoEliminado(long activoId);

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
