package org.inventarioti.reportes;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.web.util.UriUtils;

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
        List<ColaTecnico> colasPorTecnico,
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
                colasPorTecnico,
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

    /** A technician's queues: open records due this week and overdue; {@code tecnicoId} null: unassigned. */
    record ColaTecnico(Long tecnicoId, String nombre, long semana, long vencidos) {}

    record GarantiaPorVencer(String codigo, String nombre, LocalDate garantiaHasta) {}

    /** A recent change; {@code codigo}: the asset's code when the change is of an asset. */
    record Cambio(
            OffsetDateTime ocurridoEn,
            String actorEmail,
            String accion,
            String entidad,
            String entidadId,
            String codigo) {

        /** The changed record's page, or null when it was deleted (or has no page). */
        public String enlace() {
            if (accion.equals("eliminar") || entidadId == null) {
                return null;
            }
            return switch (entidad) {
                case "activo" ->
                    codigo == null ? null : "/activos/" + UriUtils.encodePathSegment(codigo, StandardCharsets.UTF_8);
                case "mantenimiento" -> "/mantenimientos/" + entidadId;
                case "categoria" -> "/categorias/" + entidadId;
                default -> null;
            };
        }
    }
}
