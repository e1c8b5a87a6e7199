package org.inventarioti.ubicaciones;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.inventarioti.auditoria.AuditoriaService;
import org.inventarioti.errors.Checks;
import org.inventarioti.errors.ConflictException;
import org.inventarioti.errors.FieldError;
import org.inventarioti.errors.InUseException;
import org.inventarioti.errors.NotFoundException;
import org.inventarioti.errors.Versions;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tree of places. Siblings have different names (case, accents and spacing ignored), so a
 * path names one place. Moving a place (a new parent) moves its subtree; a move under itself or
 * under one of its descendants is refused. A place with sub-places, assets or open check-outs
 * cannot be deleted (409 naming them). The assets' free-text ubicacion follows renames and moves
 * (V45's trigger). Every change is audited with before/after.
 */
@Service
public class UbicacionService {

    public static final String ENTIDAD = "ubicacion";
    private static final String ENTIDAD_API = "Ubicacion";

    private final UbicacionRepository repository;
    private final List<UsosDeUbicacion> usos;
    private final AuditoriaService auditoria;
    private final Validator validator;

    UbicacionService(
            UbicacionRepository repository,
            List<UsosDeUbicacion> usos,
            AuditoriaService auditoria,
            Validator validator) {
        this.repository = repository;
        this.usos = usos;
        this.auditoria = auditoria;
        this.validator = validator;
    }

    @Transactional(readOnly = true)
    public List<Ubicacion> listar(String q) {
        return repository.listar(q == null || q.isBlank() ? null : q.strip());
    }

    @Transactional(readOnly = true)
    public Ubicacion buscar(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException(ENTIDAD_API, id));
    }

    @Transactional(readOnly = true)
    public Optional<Ubicacion> encontrar(long id) {
        return repository.findById(id);
    }

    @Transactional
    public Ubicacion crear(UbicacionRequest request) {
        UbicacionRequest valid = validated(request, Optional.empty());
        long id;
        try {
            id = repository.insert(valid, AuditoriaService.currentActor());
        } catch (DuplicateKeyException e) {
            throw duplicate(valid);
        }
        Ubicacion created = buscar(id);
        auditoria.creado(ENTIDAD, id, created);
        return created;
    }

    /** Renames and/or moves a place (with its subtree). */
    @Transactional
    public Ubicacion reemplazar(long id, UbicacionRequest request, String ifMatch) {
        int version = Versions.required(request.version(), ifMatch);
        repository.bloquearArbol();
        Ubicacion before = Versions.atVersion(ENTIDAD_API, id, version, buscar(id));
        UbicacionRequest valid = validated(request, Optional.of(before));
        try {
            if (!repository.update(id, version, valid, AuditoriaService.currentActor())) {
                throw Versions.stale(ENTIDAD_API, id, version, buscar(id));
            }
        } catch (DuplicateKeyException e) {
            throw duplicate(valid);
        }
        Ubicacion after = buscar(id);
        auditoria.actualizado(ENTIDAD, id, before, after);
        return after;
    }

    @Transactional
    public void eliminar(long id, String ifMatch) {
        Optional<Integer> version = Versions.ifMatch(ifMatch);
        Ubicacion before =
                version.isPresent() ? Versions.atVersion(ENTIDAD_API, id, version.get(), buscar(id)) : buscar(id);
        long hijos = repository.hijos(id);
        if (hijos > 0) {
            throw new InUseException(
                    before.ruta() + " has " + hijos + " places under it: move or delete them first",
                    "ubicaciones",
                    hijos);
        }
        for (UsosDeUbicacion uso : usos) {
            long n = uso.usos(id);
            if (n > 0) {
                throw new InUseException(before.ruta() + " is in use: " + n + " " + uso.que(), uso.que(), n);
            }
        }
        try {
            if (!repository.delete(id, version.orElse(null))) {
                throw Versions.stale(ENTIDAD_API, id, version.orElse(before.version()), buscar(id));
            }
        } catch (DataIntegrityViolationException e) {
            throw new InUseException(before.ruta() + " is still in use", "activos", 1);
        }
        auditoria.eliminado(ENTIDAD, id, before);
    }

    private UbicacionRequest validated(UbicacionRequest request, Optional<Ubicacion> before) {
        List<FieldError> errors = new ArrayList<>(Checks.violations(validator, request));
        Checks.orFail(errors);
        UbicacionRequest u = request.limpio();
        if (u.nombre().indexOf('\u0000') >= 0) {
            errors.add(FieldError.of("nombre", "must not contain NUL characters"));
        }
        // a place's name is shown everywhere and audited: never a secret
        org.inventarioti.secretos.DetectorSecretos.camposConSecreto(java.util.Map.of("nombre", u.nombre()))
                .forEach(field ->
                        errors.add(FieldError.of(field, org.inventarioti.secretos.DetectorSecretos.MENSAJE_VALOR)));
        Long padre = u.padreId();
        if (padre != null
                && !Objects.equals(padre, before.map(Ubicacion::padreId).orElse(null))) {
            if (repository.findById(padre).isEmpty()) {
                errors.add(FieldError.of("padre_id", "place " + padre + " does not exist"));
            } else if (before.isPresent() && repository.enSubarbol(before.get().id(), padre)) {
                errors.add(FieldError.of(
                        "padre_id", "a place cannot move under itself or under a place inside it (a cycle)"));
            }
        }
        Checks.orFail(errors);
        return u;
    }

    private static ConflictException duplicate(UbicacionRequest u) {
        return ConflictException.duplicate(
                "nombre", "A place named " + u.nombre() + " already exists there (case, accents and spacing ignored)");
    }
}
