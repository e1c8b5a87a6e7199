package org.inventarioti.mantenimientos;

import java.util.List;
import java.util.Map;
import org.inventarioti.activos.HistorialMantenimientos;
import org.springframework.stereotype.Component;

/** The maintenance history for the asset's page, newest scheduled first, over {@link MantenimientoService}. */
@Component
class HistorialMantenimientosDeActivo implements HistorialMantenimientos {

    private final MantenimientoService service;

    HistorialMantenimientosDeActivo(MantenimientoService service) {
        this.service = service;
    }

    @Override
    public Resultado deActivo(long activoId, int maximo) {
        var pagina = service.deActivo(
                activoId, Map.of("sort", List.of("fecha_programada,desc"), "size", List.of(String.valueOf(maximo))));
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
}
