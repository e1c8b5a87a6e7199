package org.inventarioti.reportes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Everything the dashboard shows, read in one go. */
record Panel(
        long totalActivos,
        List<Resumen.Importe> valorTotal,
        Resumen porEstado,
        Resumen porCategoria,
        Resumen porArea,
        long mantenimientosSemana,
        long mantenimientosVencidos,
        List<MantenimientoPendiente> proximosMantenimientos,
        List<MantenimientoPendiente> mantenimientosAtrasados,
        long garantiasPorVencer,
        List<GarantiaPorVencer> garantias,
        List<Cambio> cambiosRecientes) {

    Panel conCambios(List<Cambio> cambios) {
        return new Panel(
                totalActivos,
                valorTotal,
                porEstado,
                porCategoria,
                porArea,
                mantenimientosSemana,
                mantenimientosVencidos,
                proximosMantenimientos,
                mantenimientosAtrasados,
                garantiasPorVencer,
                garantias,
                cambios);
    }

    record MantenimientoPendiente(
            long id,
            String titulo,
            String tipo,
            String estado,
            LocalDate fechaProgramada,
            String codigo,
            String nombre) {}

    record GarantiaPorVencer(String codigo, String nombre, LocalDate garantiaHasta) {}

    record Cambio(OffsetDateTime ocurridoEn, String actorEmail, String accion, String entidad, String entidadId) {}
}
