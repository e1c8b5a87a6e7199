package org.inventarioti.asignaciones;

import java.util.List;
import org.inventarioti.personas.TenenciasDePersona;
import org.inventarioti.ubicaciones.UsosDeUbicacion;
import org.springframework.stereotype.Component;

/** What people hold (for their page) and the open check-outs that keep a place in use. */
@Component
class Tenencias implements TenenciasDePersona, UsosDeUbicacion {

    private final AsignacionRepository repository;

    Tenencias(AsignacionRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<Tenencia> actuales(long personaId) {
        return repository.actuales(personaId);
    }

    @Override
    public List<Tenencia> anteriores(long personaId) {
        return repository.anteriores(personaId);
    }

    @Override
    public long usos(long ubicacionId) {
        return repository.abiertasEn(ubicacionId);
    }

    @Override
    public String que() {
        return "open check-outs";
    }
}
