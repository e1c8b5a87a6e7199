package org.inventarioti.asignaciones;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A check-out of an asset to a person, a place or another asset, and its return (null while open). */
public record Asignacion(
        long id,
        long activoId,
        Long personaId,
        String persona,
        Long ubicacionId,
        String ubicacion,
        Long contenedorId,
        String contenedor,
        String estadoAnterior,
        OffsetDateTime entregadaEn,
        String entregadaPor,
        LocalDate devolucionPrevista,
        String condicionEntrega,
        String notasEntrega,
        OffsetDateTime devueltaEn,
        String devueltaPor,
        String condicionDevolucion,
        String notasDevolucion,
        Long actaEntregaId,
        Long actaDevolucionId) {

    boolean abierta() {
        return devueltaEn == null;
    }
}
