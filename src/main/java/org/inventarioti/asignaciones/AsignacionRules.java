package org.inventarioti.asignaciones;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.inventarioti.activos.Activo;
import org.inventarioti.errors.ConflictException;
import org.inventarioti.errors.FieldError;
import org.inventarioti.errors.InvalidException;
import org.inventarioti.personas.Persona;

/**
 * Every rule of check-out and check-in, in one place:
 * <ul>
 *   <li>only an asset in {@code Activo} or {@code En almacén} can be checked out ({@code Dado de baja},
 *       {@code En mantenimiento}, {@code En reparación} refused);
 *   <li>an asset with an open check-out cannot be checked out again before it is returned (409);
 *   <li>exactly one destination: an active person, an existing place, or another asset that is not
 *       the asset itself, not {@code Dado de baja} and not (directly or through others) inside it;
 *   <li>an expected return date is not in the past;
 *   <li>only an asset with an open check-out can be returned (409);
 *   <li>a check-out leaves the asset {@code Activo}; a return sets it {@code En almacén}.
 * </ul>
 */
final class AsignacionRules {

    private AsignacionRules() {}

    static void puedeAsignarse(Activo activo, Optional<Asignacion> abierta) {
        if (abierta.isPresent()) {
            throw new ConflictException("Asset " + activo.codigo() + " is already checked out (since "
                    + abierta.get().entregadaEn().toLocalDate() + "): return it first");
        }
        if (activo.estado().equals(Activo.DADO_DE_BAJA)) {
            throw new ConflictException("Asset " + activo.codigo() + " is Dado de baja: it cannot be checked out");
        }
        if (!activo.estado().equals(Activo.ACTIVO) && !activo.estado().equals(Activo.EN_ALMACEN)) {
            throw new ConflictException("Asset " + activo.codigo() + " is " + activo.estado()
                    + ": only assets Activo or En almacén can be checked out");
        }
    }

    static void puedeDevolverse(Activo activo, Optional<Asignacion> abierta) {
        if (abierta.isEmpty()) {
            throw new ConflictException("Asset " + activo.codigo() + " is not checked out: there is nothing to return");
        }
    }

    /** The destination and dates; the lookups are the caller's (absent: does not exist). */
    static void destino(
            AsignacionRequest r,
            Activo activo,
            Optional<Persona> persona,
            boolean ubicacionExiste,
            Optional<Activo> contenedor,
            boolean contenedorDentro,
            LocalDate hoy) {
        List<FieldError> errors = new ArrayList<>();
        int destinos = (r.personaId() == null ? 0 : 1)
                + (r.ubicacionId() == null ? 0 : 1)
                + (r.contenedorId() == null ? 0 : 1);
        if (destinos != 1) {
            errors.add(FieldError.of("persona_id", "give exactly one of persona_id, ubicacion_id or contenedor_id"));
        }
        if (r.personaId() != null) {
            if (persona.isEmpty()) {
                errors.add(FieldError.of("persona_id", "person " + r.personaId() + " does not exist"));
            } else if (!persona.get().activa()) {
                errors.add(FieldError.of("persona_id", persona.get().nombre() + " is inactive"));
            }
        }
        if (r.ubicacionId() != null && !ubicacionExiste) {
            errors.add(FieldError.of("ubicacion_id", "place " + r.ubicacionId() + " does not exist"));
        }
        if (r.contenedorId() != null) {
            if (r.contenedorId() == activo.id()) {
                errors.add(FieldError.of("contenedor_id", "an asset cannot be checked out to itself"));
            } else if (contenedor.isEmpty()) {
                errors.add(FieldError.of("contenedor_id", "asset " + r.contenedorId() + " does not exist"));
            } else if (contenedor.get().estado().equals(Activo.DADO_DE_BAJA)) {
                errors.add(FieldError.of("contenedor_id", contenedor.get().codigo() + " is Dado de baja"));
            } else if (contenedorDentro) {
                errors.add(FieldError.of(
                        "contenedor_id", contenedor.get().codigo() + " is itself checked out to " + activo.codigo()));
            }
        }
        if (r.devolucionPrevista() != null && r.devolucionPrevista().isBefore(hoy)) {
            errors.add(FieldError.of("devolucion_prevista", "must not be in the past"));
        }
        if (r.notas() != null && r.notas().indexOf('\u0000') >= 0) {
            errors.add(FieldError.of("notas", "must not contain NUL characters"));
        }
        if (org.inventarioti.secretos.DetectorSecretos.pareceSecreto(r.notas())) {
            errors.add(FieldError.of("notas", org.inventarioti.secretos.DetectorSecretos.MENSAJE_VALOR));
        }
        if (!errors.isEmpty()) {
            throw new InvalidException(errors);
        }
    }

    /** The estado after a check-out: Activo (from En almacén or Activo). */
    static String estadoAlAsignar() {
        return Activo.ACTIVO;
    }

    /** The estado after a return: En almacén, whatever it was before. */
    static String estadoAlDevolver() {
        return Activo.EN_ALMACEN;
    }
}
