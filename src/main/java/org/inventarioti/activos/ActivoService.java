package org.inventarioti.activos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.inventarioti.auditoria.AuditoriaService;
import org.inventarioti.categorias.ClavesEspecificacion;
import org.inventarioti.errors.Checks;
import org.inventarioti.errors.ConflictException;
import org.inventarioti.errors.FieldError;
import org.inventarioti.errors.NotFoundException;
import org.inventarioti.errors.Patches;
import org.inventarioti.errors.StaleVersionException;
import org.inventarioti.errors.Versions;
import org.inventarioti.listing.ListPage;
import org.inventarioti.listing.ListParams;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The inventory of assets. Every change names the version it is based on and is refused (409,
 * with the current state) when someone else changed the asset first, so no update is ever lost.
 * Every change is audited in the same transaction.
 */
@Service
public class ActivoService {

    public static final String ENTIDAD = "activo";
    private static final String ENTIDAD_API = "Activo";

    private final ActivoRepository repository;
    private final AuditoriaService auditoria;
    private final MantenimientosDeActivo mantenimientos;
    private final JsonMapper json;
    private final ReglasActivo reglas;
    private final LoteActivos lote;

    ActivoService(
            ActivoRepository repository,
            AuditoriaService auditoria,
            MantenimientosDeActivo mantenimientos,
            JsonMapper json,
            ReglasActivo reglas,
            LoteActivos lote) {
        this.repository = repository;
        this.auditoria = auditoria;
        this.mantenimientos = mantenimientos;
        this.json = json;
        this.reglas = reglas;
        this.lote = lote;
    }

    /**
     * The asset list: filters, free text, spec.* filters, sort, page or keyset cursor (see
     * ActivoConsulta). One snapshot for the page and its (cached) total.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ListPage<Activo> listar(Map<String, List<String>> query) {
        ListParams params = ActivoConsulta.params(query);
        var sort = ActivoConsulta.SORTS.parse(params.sort(), ActivoConsulta.DEFAULT_SORT);
        return repository.listar(
                ActivoConsulta.filter(params, json, repository.columnaEspecificaciones()), sort, params);
    }

    /**
     * The asset list's filters as a page form sends them (blank fields dropped, spec rows as
     * {@code spec.<key>}), without paging or anything else the form carries: for pages that
     * act on the assets a filter matches, as the labels page does.
     */
    public static Map<String, List<String>> filtrosDeFormulario(MultiValueMap<String, String> params) {
        Map<String, List<String>> filtros = new LinkedHashMap<>();
        ConsultaLista.de(params).filtros().forEach((nombre, valores) -> {
            if (ActivoConsulta.FILTERS.contains(nombre) || nombre.startsWith(ListParams.SPEC_PREFIX)) {
                filtros.put(nombre, valores);
            }
        });
        return filtros;
    }

    @Transactional(readOnly = true)
    public Activo buscar(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException(ENTIDAD_API, id));
    }

    @Transactional(readOnly = true)
    public Activo porCodigo(String codigo) {
        return repository.findByCodigo(codigo).orElseThrow(() -> new NotFoundException(ENTIDAD_API, codigo));
    }

    @Transactional(readOnly = true)
    public boolean existe(long id) {
        return repository.exists(id);
    }

    @Transactional(readOnly = true)
    public boolean existe(String codigo) {
        return repository.findByCodigo(codigo).isPresent();
    }

    /** The assets with these codes (those that exist), by codigo. */
    @Transactional(readOnly = true)
    public List<Activo> porCodigos(java.util.Collection<String> codigos) {
        return repository.porCodigos(codigos);
    }

    /** The assets whose serial number is one of these (case and surrounding spaces ignored). */
    @Transactional(readOnly = true)
    public List<Activo> porNumerosSerie(java.util.Collection<String> series) {
        return series.isEmpty() ? List.of() : repository.porNumerosSerie(series);
    }

    /**
     * Every rule {@link #crear} (no {@code antes}) or {@link #reemplazar} (of {@code antes}) applies,
     * without writing: the field errors, empty when the asset would be accepted. Imports preview
     * their rows with it.
     */
    @Transactional(readOnly = true)
    public List<FieldError> validar(ActivoRequest request, Activo antes) {
        try {
            validated(request, Optional.ofNullable(antes));
            return List.of();
        } catch (org.inventarioti.errors.InvalidException e) {
            return e.errors();
        }
    }

    /**
     * Many assets created or replaced at once (spreadsheet imports): each row checked by the same
     * rules as {@link #crear} and {@link #reemplazar} (categories and maintenance in progress read
     * once per batch), and when {@code escribir} the valid ones written with batched statements,
     * read back and audited as those methods audit them. A row that the database refuses (a
     * duplicate serial, someone else's change since {@code antes}) fails the whole call, so the
     * caller redoes the batch row by row.
     */
    @Transactional
    public List<Escrito> guardarVarios(List<Escritura> filas, boolean escribir) {
        return lote.guardar(filas, escribir);
    }

    /** A row of {@link #guardarVarios}: a new asset ({@code antes} null) or a full replace of {@code antes} at its version. */
    public record Escritura(ActivoRequest request, Activo antes) {}

    /** What became of a row: its errors (nothing written), or the stored asset (null when not written). */
    public record Escrito(List<FieldError> errores, Activo activo) {}

    /** The request that would store {@code activo} as it is (a full replace with no change). */
    public static ActivoRequest comoRequest(Activo activo) {
        return ActivoRequest.of(activo);
    }

    /**
     * The assets a maintenance plan covers: one asset, or every asset of a category (optionally
     * narrowed by área and ubicación, compared ignoring case), never those "Dado de baja".
     */
    @Transactional(readOnly = true)
    public List<Long> paraPlan(Long activoId, Long categoriaId, String area, String ubicacion) {
        if (activoId != null) {
            return repository
                    .findById(activoId)
                    .filter(a -> !a.estado().equals(Activo.DADO_DE_BAJA))
                    .map(a -> List.of(a.id()))
                    .orElse(List.of());
        }
        return repository.idsDeCategoria(categoriaId, area, ubicacion);
    }

    @Transactional
    public Activo crear(ActivoRequest request) {
        ActivoRequest valid = validated(request, Optional.empty());
        long id;
        try {
            id = repository.insert(valid, AuditoriaService.currentActor());
        } catch (DuplicateKeyException e) {
            throw duplicate(e);
        }
        Activo created = buscar(id);
        auditoria.creado(ENTIDAD, id, created);
        return created;
    }

    @Transactional
    public Activo reemplazar(long id, ActivoRequest request, String ifMatch) {
        return cambiar(id, Versions.required(request.version(), ifMatch), before -> request);
    }

    /** A partial update: a JSON Merge Patch (RFC 7396) of the asset; especificaciones merge key by key. */
    @Transactional
    public Activo modificar(long id, ObjectNode patch, String ifMatch) {
        return cambiar(
                id,
                Versions.required(Patches.version(patch), ifMatch),
                before -> Patches.apply(
                        json,
                        ActivoRequest.of(before),
                        patch,
                        Map.of("especificaciones", ClavesEspecificacion::normalizar),
                        ActivoRequest.class));
    }

    /** A change of a stored record, made at the version the caller saw and validated against what it was. */
    private Activo cambiar(long id, int version, java.util.function.Function<Activo, ActivoRequest> cambio) {
        Activo before = current(id, version);
        return save(before, version, validated(cambio.apply(before), Optional.of(before)));
    }

    @Transactional
    public void eliminar(long id, String ifMatch) {
        Optional<Integer> version = Versions.ifMatch(ifMatch);
        Activo before = version.isPresent() ? current(id, version.get()) : buscar(id);
        mantenimientos.activoEliminado(id);
        if (!repository.delete(id, version.orElse(null))) {
            throw stale(id, version.orElse(before.version()));
        }
        auditoria.eliminado(ENTIDAD, id, before);
    }

    /**
     * The rule between maintenance and asset state: while a maintenance of the asset is in
     * progress the asset is "En mantenimiento" (unless "Dado de baja"), and the estado it had
     * before is remembered; when the last one leaves progress (completed, cancelled, back to
     * programado or deleted) an asset still "En mantenimiento" gets that estado back ("En
     * reparación" stays "En reparación"; "Activo" when none was remembered, as for assets put in
     * maintenance before V25). Called by the maintenance feature in its transaction after every change.
     */
    @Transactional
    public void mantenimientoCambiado(long activoId, boolean salioDeProgreso) {
        Activo before = repository.lock(activoId).orElseThrow(() -> new NotFoundException(ENTIDAD_API, activoId));
        boolean enProgreso = mantenimientos.enProgreso(activoId).isPresent();
        if (enProgreso
                && !before.estado().equals(Activo.EN_MANTENIMIENTO)
                && !before.estado().equals(Activo.DADO_DE_BAJA)) {
            repository.updateEstado(
                    activoId, Activo.EN_MANTENIMIENTO, before.estado(), AuditoriaService.currentActor());
            auditoria.actualizado(ENTIDAD, activoId, before, buscar(activoId));
        } else if (!enProgreso && salioDeProgreso && before.estado().equals(Activo.EN_MANTENIMIENTO)) {
            String antes = repository
                    .estadoAntesDeMantenimiento(activoId)
                    .filter(e -> !e.equals(Activo.EN_MANTENIMIENTO))
                    .orElse(Activo.ACTIVO);
            repository.updateEstado(activoId, antes, null, AuditoriaService.currentActor());
            auditoria.actualizado(ENTIDAD, activoId, before, buscar(activoId));
        }
    }

    /** The asset, locked until the caller's transaction ends (check-out and check-in read it so). */
    @Transactional
    public Activo bloquear(long id) {
        return repository.lock(id).orElseThrow(() -> new NotFoundException(ENTIDAD_API, id));
    }

    /**
     * A check-out or check-in changed the asset's custody (called by asignaciones in its
     * transaction, after its own rules): estado, custodian (null: none) and, when {@code
     * cambiaUbicacion}, place. Audited with before/after.
     */
    @Transactional
    public Activo custodiaCambiada(long id, String estado, Long personaId, boolean cambiaUbicacion, Long ubicacionId) {
        Activo before = bloquear(id);
        repository.updateCustodia(id, estado, personaId, cambiaUbicacion, ubicacionId, AuditoriaService.currentActor());
        Activo after = buscar(id);
        auditoria.actualizado(ENTIDAD, id, before, after);
        return after;
    }

    private Activo save(Activo before, int version, ActivoRequest valid) {
        try {
            if (!repository.update(before.id(), version, valid, AuditoriaService.currentActor())) {
                throw stale(before.id(), version);
            }
        } catch (DuplicateKeyException e) {
            throw duplicate(e);
        }
        Activo after = buscar(before.id());
        auditoria.actualizado(ENTIDAD, before.id(), before, after);
        return after;
    }

    private Activo current(long id, int version) {
        return Versions.atVersion(ENTIDAD_API, id, version, buscar(id));
    }

    private StaleVersionException stale(long id, int version) {
        return Versions.stale(ENTIDAD_API, id, version, buscar(id));
    }

    /** Every rule of an asset, all errors at once; the especificaciones come back normalised. */
    private ActivoRequest validated(ActivoRequest request, Optional<Activo> before) {
        List<FieldError> errors = new ArrayList<>();
        ActivoRequest clean = reglas.comprobar(request, before, errors);
        Checks.orFail(errors);
        return clean;
    }

    /**
     * Everything wrong with the request, saving nothing: the form shows them with its own errors
     * (a malformed date, say) all at once. {@code before} is the stored asset when it is a change.
     */
    List<FieldError> problemas(ActivoRequest request, Optional<Activo> before) {
        List<FieldError> errors = new ArrayList<>();
        reglas.comprobar(request, before, errors);
        return errors;
    }

    static ConflictException duplicate(DuplicateKeyException e) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        if (message.contains("activos_numero_serie_key")) {
            return ConflictException.duplicate(
                    "numero_serie",
                    "An asset with this serial number already exists (case and surrounding spaces ignored)");
        }
        return new ConflictException("The change conflicts with an existing asset");
    }
}
