package org.inventarioti.mantenimientos;

import jakarta.validation.Validator;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.inventarioti.activos.ActivoService;
import org.inventarioti.auditoria.AuditoriaService;
import org.inventarioti.errors.Checks;
import org.inventarioti.errors.FieldError;
import org.inventarioti.errors.NotFoundException;
import org.inventarioti.errors.Patches;
import org.inventarioti.errors.Versions;
import org.inventarioti.listing.ListPage;
import org.inventarioti.listing.ListParams;
import org.inventarioti.secretos.DetectorSecretos;
import org.inventarioti.usuarios.UsuarioService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maintenance records: scheduled, in progress, completed or cancelled, per asset, with due and
 * overdue lists. Each change keeps its asset's estado in line (see {@link
 * ActivoService#mantenimientoCambiado}) in the same transaction, and is audited.
 */
@Service
public class MantenimientoService {

    public static final String ENTIDAD = "mantenimiento";
    private static final String ENTIDAD_API = "Mantenimiento";

    private final MantenimientoRepository repository;
    private final ActivoService activos;
    private final UsuarioService usuarios;
    private final AuditoriaService auditoria;
    private final Validator validator;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher eventos;

    MantenimientoService(
            MantenimientoRepository repository,
            ActivoService activos,
            UsuarioService usuarios,
            AuditoriaService auditoria,
            Validator validator,
            JsonMapper json,
            Clock clock,
            ApplicationEventPublisher eventos) {
        this.repository = repository;
        this.activos = activos;
        this.usuarios = usuarios;
        this.auditoria = auditoria;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
        this.eventos = eventos;
    }

    @Transactional(readOnly = true)
    public ListPage<Mantenimiento> listar(Map<String, List<String>> query) {
        ListParams params = MantenimientoConsulta.params(query, MantenimientoConsulta.FILTERS);
        var sort = MantenimientoConsulta.SORTS.parse(params.sort(), MantenimientoConsulta.DEFAULT_SORT);
        return repository.listar(MantenimientoConsulta.filter(params), sort, params);
    }

    /** The maintenance history of one asset (404 when the asset does not exist). */
    @Transactional(readOnly = true)
    public ListPage<Mantenimiento> deActivo(long activoId, Map<String, List<String>> query) {
        if (!activos.existe(activoId)) {
            throw new NotFoundException("Activo", activoId);
        }
        return MantenimientoConsulta.deActivo(repository, activoId, query);
    }

    @Transactional(readOnly = true)
    public Mantenimiento buscar(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException(ENTIDAD_API, id));
    }

    @Transactional
    public Mantenimiento crear(MantenimientoRequest request) {
        MantenimientoRequest valid = validated(request, Optional.empty());
        long id = repository.insert(valid, AuditoriaService.currentActor());
        activos.mantenimientoCambiado(valid.activoId(), false);
        Mantenimiento created = buscar(id);
        auditoria.creado(ENTIDAD, id, created);
        return created;
    }

    @Transactional
    public Mantenimiento reemplazar(long id, MantenimientoRequest request, String ifMatch) {
        return cambiar(id, Versions.required(request.version(), ifMatch), before -> request);
    }

    /** A partial update: JSON Merge Patch (RFC 7396) of the record. */
    @Transactional
    public Mantenimiento modificar(long id, ObjectNode patch, String ifMatch) {
        return cambiar(
                id,
                Versions.required(Patches.version(patch), ifMatch),
                before -> Patches.apply(
                        json, MantenimientoRequest.of(before, json), patch, Map.of(), MantenimientoRequest.class));
    }

    /** A change of a stored record, made at the version the caller saw and validated against what it was. */
    private Mantenimiento cambiar(
            long id, int version, java.util.function.Function<Mantenimiento, MantenimientoRequest> cambio) {
        Mantenimiento before = current(id, version);
        MantenimientoRequest request = cambio.apply(before).conChecklist(checklist(before));
        return save(before, version, validated(request, Optional.of(before)));
    }

    @Transactional
    public void eliminar(long id, String ifMatch) {
        Optional<Integer> version = Versions.ifMatch(ifMatch);
        Mantenimiento before = version.isPresent() ? current(id, version.get()) : buscar(id);
        if (!repository.delete(id, version.orElse(null))) {
            throw Versions.stale(ENTIDAD_API, id, version.orElse(before.version()), buscar(id));
        }
        activos.mantenimientoCambiado(before.activoId(), before.estado().equals(Mantenimiento.EN_PROGRESO));
        auditoria.eliminado(ENTIDAD, id, before);
    }

    private Mantenimiento save(Mantenimiento before, int version, MantenimientoRequest valid) {
        if (!repository.update(before.id(), version, valid, AuditoriaService.currentActor())) {
            throw Versions.stale(ENTIDAD_API, before.id(), version, buscar(before.id()));
        }
        boolean salioDeProgreso = before.estado().equals(Mantenimiento.EN_PROGRESO)
                && !valid.estado().equals(Mantenimiento.EN_PROGRESO);
        activos.mantenimientoCambiado(before.activoId(), salioDeProgreso);
        Mantenimiento after = buscar(before.id());
        auditoria.actualizado(ENTIDAD, before.id(), before, after);
        if (after.planId() != null
                && after.estado().equals(Mantenimiento.COMPLETADO)
                && !before.estado().equals(Mantenimiento.COMPLETADO)) {
            // The plan schedules the next one (plans counted from the completion), in this transaction.
            eventos.publishEvent(new MantenimientoCompletado(after.planId(), after.activoId(), after.id()));
        }
        return after;
    }

    private List<Tarea> checklist(Mantenimiento m) {
        return m.checklist() == null ? null : List.of(json.treeToValue(m.checklist(), Tarea[].class));
    }

    private Mantenimiento current(long id, int version) {
        return Versions.atVersion(ENTIDAD_API, id, version, buscar(id));
    }

    private MantenimientoRequest validated(MantenimientoRequest request, Optional<Mantenimiento> before) {
        Checks.orFail(problemas(request, before));
        return request.limpio(OffsetDateTime.now(clock));
    }

    /**
     * Everything wrong with the request, without saving anything: the form shows every error at
     * once with it, its own and these together.
     */
    List<FieldError> problemas(MantenimientoRequest request, Optional<Mantenimiento> before) {
        List<FieldError> errors = new ArrayList<>(Checks.violations(validator, request));
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (request.activoId() != null) {
            if (before.isPresent() && before.get().activoId() != request.activoId()) {
                errors.add(FieldError.of("activo_id", "cannot change; record the maintenance on the other asset"));
            } else if (before.isEmpty() && !activos.existe(request.activoId())) {
                errors.add(FieldError.of("activo_id", "asset " + request.activoId() + " does not exist"));
            }
        }
        if (request.tecnicoId() != null && !usuarios.existe(request.tecnicoId())) {
            errors.add(FieldError.of("tecnico_id", "user " + request.tecnicoId() + " does not exist"));
        }
        errors.addAll(ChecklistRules.problemas(request.checklist(), Mantenimiento.COMPLETADO.equals(request.estado())));
        if (request.fechaCompletado() != null && request.fechaCompletado().isAfter(now.plusMinutes(5))) {
            errors.add(FieldError.of("fecha_completado", "must not be in the future"));
        }
        for (String text : new String[] {request.titulo(), request.descripcion(), request.notas()}) {
            if (text != null && text.indexOf('\u0000') >= 0) {
                errors.add(FieldError.of("texto", "must not contain NUL characters"));
            }
        }
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        texts.put("titulo", request.titulo());
        texts.put("descripcion", request.descripcion());
        texts.put("notas", request.notas());
        DetectorSecretos.camposConSecreto(texts)
                .forEach(field -> errors.add(FieldError.of(field, DetectorSecretos.MENSAJE_VALOR)));
        return errors;
    }
}
