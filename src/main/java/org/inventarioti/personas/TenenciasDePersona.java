package org.inventarioti.personas;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a person holds now and held before: implemented by the custody feature (asignaciones),
 * which owns the history; personas only shows it and refuses to delete someone who has any.
 */
public interface TenenciasDePersona {

    /** One asset held: since when, until when (null while held), and when it is due back. */
    record Tenencia(
            long activoId,
            String codigo,
            String nombre,
            String numeroSerie,
            OffsetDateTime desde,
            OffsetDateTime hasta,
            LocalDate devolucionPrevista) {}

    /** The assets whose custodian the person is now (checked out to them or linked by the migration). */
    List<Tenencia> actuales(long personaId);

    /** The assets the person returned, newest first. */
    List<Tenencia> anteriores(long personaId);
}
