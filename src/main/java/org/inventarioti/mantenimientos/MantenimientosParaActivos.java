package org.inventarioti.mantenimientos;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.inventarioti.activos.MantenimientosDeActivo;
import org.inventarioti.auditoria.AuditoriaService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The asset feature's view of maintenance records, over the repository (not {@link
 * MantenimientoService}, which depends on the asset service that uses this).
 */
@Component
class MantenimientosParaActivos implements MantenimientosDeActivo {

    private final MantenimientoRepository repository;
    private final AuditoriaService auditoria;

    MantenimientosParaActivos(MantenimientoRepository repository, AuditoriaService auditoria) {
        this.repository = repository;
        this.auditoria = auditoria;
    }

    /** Newest scheduled first. */
    @Override
    @Transactional(readOnly = true)
    public Resultado deActivo(long activoId, int maximo) {
        var pagina = MantenimientoConsulta.deActivo(
                repository,
                activoId,
                Map.of("sort", List.of("fecha_programada,desc"), "size", List.of(String.valueOf(maximo))));
        return new Resultado(
                pagina.items().stream()
                        .map(m -> new Fila(
                                m.id(),
                                m.tipo(),
                                m.titulo(),
                                m.estado(),
                                m.fechaProgramada(),
                                m.fechaCompletado(),
                                m.tecnico(),
                                m.costo(),
                                m.vencido()))
                        .toList(),
                pagina.total());
    }

    @Override
    public Optional<Long> enProgreso(long activoId) {
        return repository.enProgreso(activoId);
    }

    @Override
    public Map<Long, Long> enProgreso(java.util.Collection<Long> activoIds) {
        return activoIds.isEmpty() ? Map.of() : repository.enProgreso(activoIds);
    }

    @Override
    public void activoEliminado(long activoId) {
        repository
                .almacenados(activoId)
                .forEach(m -> auditoria.eliminado(MantenimientoService.ENTIDAD, m.getKey(), m.getValue()));
    }
}
