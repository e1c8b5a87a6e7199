package org.inventarioti.asignaciones;

import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.inventarioti.activos.Activo;
import org.inventarioti.activos.ActivoService;
import org.inventarioti.auditoria.AuditoriaService;
import org.inventarioti.errors.Checks;
import org.inventarioti.errors.FieldError;
import org.inventarioti.errors.InvalidException;
import org.inventarioti.personas.Persona;
import org.inventarioti.personas.PersonaService;
import org.inventarioti.ubicaciones.UbicacionService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Check-out and check-in of assets (the rules are {@link AsignacionRules}). The asset is locked
 * for the whole change, so two check-outs of one asset cannot both pass; the database's unique
 * open check-out per asset backs that up. A check-out to a person makes them the asset's
 * custodian, to a place moves it there, to another asset gives it that asset's custodian and
 * place; a return clears the custodian, sets the asset En almacén and, when a place is given,
 * moves it there. Both the check-out record and the asset change are audited with before/after.
 */
@Service
public class AsignacionService {

    static final String ENTIDAD = "asignacion";

    private final AsignacionRepository repository;
    private final ActivoService activos;
    private final PersonaService personas;
    private final UbicacionService ubicaciones;
    private final AuditoriaService auditoria;
    private final Validator validator;
    private final Clock clock;

    AsignacionService(
            AsignacionRepository repository,
            ActivoService activos,
            PersonaService personas,
            UbicacionService ubicaciones,
            AuditoriaService auditoria,
            Validator validator,
            Clock clock) {
        this.repository = repository;
        this.activos = activos;
        this.personas = personas;
        this.ubicaciones = ubicaciones;
        this.auditoria = auditoria;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<Asignacion> historial(long activoId) {
        activos.buscar(activoId);
        return repository.historial(activoId);
    }

    @Transactional(readOnly = true)
    Optional<Asignacion> abierta(long activoId) {
        return repository.abierta(activoId);
    }

    /** What one check-out or return operation recorded: its receipt and the assets' records. */
    record Operacion(long actaId, List<Asignacion> asignaciones) {}

    static final int MAXIMO_POR_OPERACION = 1000;

    @Transactional
    Asignacion asignar(long activoId, AsignacionRequest request) {
        return asignarVarios(List.of(activoId), request).asignaciones().get(0);
    }

    /**
     * Checks several assets out at once to the same destination, with one receipt: all or none
     * (the first asset that breaks a rule refuses the whole operation, naming it). Assets are
     * locked in id order, so two overlapping operations cannot deadlock.
     */
    @Transactional
    Operacion asignarVarios(List<Long> activoIds, AsignacionRequest request) {
        Checks.orFail(Checks.violations(validator, request));
        List<Long> ids = ordenados(activoIds);
        AsignacionRequest r = new AsignacionRequest(
                request.personaId(),
                request.ubicacionId(),
                request.contenedorId(),
                request.devolucionPrevista(),
                request.condicion(),
                blank(request.notas()));
        String actor = AuditoriaService.currentActor();
        long acta = repository.acta("entrega", actor);
        List<Asignacion> hechas = new java.util.ArrayList<>();
        for (long activoId : ids) {
            hechas.add(asignarUno(activoId, r, acta, actor));
        }
        return new Operacion(acta, hechas);
    }

    private Asignacion asignarUno(long activoId, AsignacionRequest r, long acta, String actor) {
        Activo activo = activos.bloquear(activoId);
        AsignacionRules.puedeAsignarse(activo, repository.abierta(activoId));
        Optional<Persona> persona = r.personaId() == null ? Optional.empty() : personas.encontrar(r.personaId());
        boolean ubicacion = r.ubicacionId() != null
                && ubicaciones.encontrar(r.ubicacionId()).isPresent();
        Optional<Activo> contenedor = r.contenedorId() == null || r.contenedorId() == activoId
                ? Optional.empty()
                : Optional.of(r.contenedorId()).filter(activos::existe).map(activos::buscar);
        boolean dentro = contenedor.isPresent() && repository.dentroDe(r.contenedorId(), activoId);
        AsignacionRules.destino(r, activo, persona, ubicacion, contenedor, dentro, LocalDate.now(clock));
        long id;
        try {
            id = repository.insert(activoId, r, activo.estado(), acta, actor);
        } catch (DuplicateKeyException e) {
            throw new org.inventarioti.errors.ConflictException(
                    "Asset " + activo.codigo() + " is already checked out: return it first");
        }
        if (r.personaId() != null) {
            activos.custodiaCambiada(activoId, AsignacionRules.estadoAlAsignar(), r.personaId(), false, null);
        } else if (r.ubicacionId() != null) {
            activos.custodiaCambiada(activoId, AsignacionRules.estadoAlAsignar(), null, true, r.ubicacionId());
        } else {
            Activo c = contenedor.orElseThrow();
            activos.custodiaCambiada(activoId, AsignacionRules.estadoAlAsignar(), c.personaId(), true, c.ubicacionId());
        }
        Asignacion created = repository.porId(id).orElseThrow();
        auditoria.creado(ENTIDAD, id, created);
        return created;
    }

    @Transactional
    Asignacion devolver(long activoId, DevolucionRequest request) {
        return devolverVarios(List.of(activoId), request).asignaciones().get(0);
    }

    /** Returns several assets at once with one receipt: all or none, as {@link #asignarVarios}. */
    @Transactional
    Operacion devolverVarios(List<Long> activoIds, DevolucionRequest request) {
        Checks.orFail(Checks.violations(validator, request));
        if (request.ubicacionId() != null
                && ubicaciones.encontrar(request.ubicacionId()).isEmpty()) {
            throw new InvalidException(
                    List.of(FieldError.of("ubicacion_id", "place " + request.ubicacionId() + " does not exist")));
        }
        if (request.notas() != null && request.notas().indexOf('\u0000') >= 0) {
            throw new InvalidException(List.of(FieldError.of("notas", "must not contain NUL characters")));
        }
        if (org.inventarioti.secretos.DetectorSecretos.pareceSecreto(request.notas())) {
            throw new InvalidException(
                    List.of(FieldError.of("notas", org.inventarioti.secretos.DetectorSecretos.MENSAJE_VALOR)));
        }
        List<Long> ids = ordenados(activoIds);
        DevolucionRequest r = new DevolucionRequest(request.condicion(), blank(request.notas()), request.ubicacionId());
        String actor = AuditoriaService.currentActor();
        long acta = repository.acta("devolucion", actor);
        List<Asignacion> hechas = new java.util.ArrayList<>();
        for (long activoId : ids) {
            Activo activo = activos.bloquear(activoId);
            Optional<Asignacion> abierta = repository.abierta(activoId);
            AsignacionRules.puedeDevolverse(activo, abierta);
            Asignacion before = abierta.orElseThrow();
            repository.cerrar(before.id(), r, acta, actor);
            activos.custodiaCambiada(
                    activoId, AsignacionRules.estadoAlDevolver(), null, r.ubicacionId() != null, r.ubicacionId());
            Asignacion after = repository.porId(before.id()).orElseThrow();
            auditoria.actualizado(ENTIDAD, before.id(), before, after);
            hechas.add(after);
        }
        return new Operacion(acta, hechas);
    }

    private static List<Long> ordenados(List<Long> activoIds) {
        if (activoIds == null || activoIds.isEmpty() || activoIds.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidException(List.of(FieldError.of("activo_ids", "give at least one asset id")));
        }
        List<Long> ids = activoIds.stream().distinct().sorted().toList();
        if (ids.size() > MAXIMO_POR_OPERACION) {
            throw new InvalidException(
                    List.of(FieldError.of("activo_ids", "at most " + MAXIMO_POR_OPERACION + " assets per operation")));
        }
        return ids;
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
