package org.inventarioti.asignaciones;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open check-outs past or near their expected return date, for the dashboard and the
 * notifications' reminders: each with the person's e-mail (and linked user) when it went to a person.
 */
@Component
public class AsignacionesVencidas {

    /**
     * An open check-out with a return date; persona, email and usuarioId (the user the person is
     * linked to) null when it went to a place or an asset. destino names whoever or whatever holds
     * it: the person, the place (its path), or the code of the containing asset.
     */
    public record Vencida(
            long asignacionId,
            long activoId,
            String codigo,
            String nombre,
            Long personaId,
            String persona,
            String email,
            LocalDate devolucionPrevista,
            Long usuarioId,
            String destino) {}

    private final AsignacionRepository repository;
    private final Clock clock;

    AsignacionesVencidas(AsignacionRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Due back before today. */
    @Transactional(readOnly = true)
    public List<Vencida> vencidas() {
        LocalDate hoy = LocalDate.now(clock);
        return repository.vencenHasta(hoy.minusDays(1));
    }

    /** Due back from today to the next seven days. */
    @Transactional(readOnly = true)
    public List<Vencida> estaSemana() {
        LocalDate hoy = LocalDate.now(clock);
        return repository.vencenHasta(hoy.plusDays(7)).stream()
                .filter(v -> !v.devolucionPrevista().isBefore(hoy))
                .toList();
    }
}
