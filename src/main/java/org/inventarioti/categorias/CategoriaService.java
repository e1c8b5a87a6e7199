package org.inventarioti.categorias;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.inventarioti.auditoria.AuditoriaService;
import org.inventarioti.errors.Checks;
import org.inventarioti.errors.ConflictException;
import org.inventarioti.errors.FieldError;
import org.inventarioti.errors.InUseException;
import org.inventarioti.errors.NotFoundException;
import org.inventarioti.errors.Versions;
import org.inventarioti.listing.ListPage;
import org.inventarioti.listing.ListParams;
import org.inventarioti.listing.Sort;
import org.inventarioti.listing.SortKey;
import org.inventarioti.listing.SqlFilter;
import org.inventarioti.secretos.DetectorSecretos;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Categories and their especificaciones schemas. A schema change never breaks existing assets:
 * it reports which of them no longer conform, and they are checked again only when edited.
 */
@Service
public class CategoriaService {

    static final String ENTIDAD = "categoria";
    private static final String ENTIDAD_API = "Categoria";
    private static final Sort.Keys SORTS = new Sort.Keys(
            List.of(SortKey.unique("nombre", "lower(c.nombre)", "text"), SortKey.unique("id", "c.id", "bigint")));

    private final CategoriaRepository repository;
    private final EsquemaValidator esquemas;
    private final AuditoriaService auditoria;
    private final ActivosDeCategoria activos;
    private final Validator validator;
    private final JsonMapper json;

    CategoriaService(
            CategoriaRepository repository,
            EsquemaValidator esquemas,
            AuditoriaService auditoria,
            ActivosDeCategoria activos,
            Validator validator,
            JsonMapper json) {
        this.repository = repository;
        this.esquemas = esquemas;
        this.auditoria = auditoria;
        this.activos = activos;
        this.validator = validator;
        this.json = json;
    }

    /** A replaced category and the assets that no longer follow its schema. */
    public record Actualizacion(@JsonUnwrapped Categoria categoria, NoConformes noConformes) {}

    @Transactional(readOnly = true)
    public ListPage<Categoria> listar(Map<String, List<String>> query) {
        ListParams params = ListParams.of(query, Set.of("q"));
        SqlFilter filter = new SqlFilter();
        params.text("q").ifPresent(q -> filter.add("lower(c.nombre) LIKE ?", SqlFilter.containing(q)));
        return repository.listar(filter, SORTS.parse(params.sort(), SORTS.by("nombre", false)), params);
    }

    @Transactional(readOnly = true)
    public Categoria buscar(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException(ENTIDAD_API, id));
    }

    /** Every category, by name. */
    @Transactional(readOnly = true)
    public List<Categoria> todas() {
        return repository.todas();
    }

    @Transactional(readOnly = true)
    public Optional<Categoria> encontrar(long id) {
        return repository.findById(id);
    }

    @Transactional
    public Categoria crear(CategoriaRequest request) {
        ObjectNode esquema = validated(request);
        long id;
        try {
            id = repository.insert(request.nombre().trim(), descripcion(request), esquema);
        } catch (DuplicateKeyException e) {
            throw duplicateName();
        }
        Categoria created = buscar(id);
        auditoria.creado(ENTIDAD, id, created);
        return created;
    }

    @Transactional
    public Actualizacion reemplazar(long id, CategoriaRequest request, String ifMatch) {
        int version = Versions.required(request.version(), ifMatch);
        Categoria before = Versions.atVersion(ENTIDAD_API, id, version, buscar(id));
        ObjectNode esquema = validated(request);
        try {
            if (!repository.update(id, version, request.nombre().trim(), descripcion(request), esquema)) {
                throw Versions.stale(ENTIDAD_API, id, version, buscar(id));
            }
        } catch (DuplicateKeyException e) {
            throw duplicateName();
        }
        esquemas.olvidar(id);
        Categoria after = buscar(id);
        auditoria.actualizado(ENTIDAD, id, before, after);
        return new Actualizacion(after, noConformes(after));
    }

    @Transactional
    public void eliminar(long id) {
        Categoria before = buscar(id);
        long enUso = activos.contar(id);
        if (enUso > 0) {
            throw new InUseException(
                    "Categoria " + id + " is used by " + enUso + " assets; move them to another category first",
                    "activos",
                    enUso);
        }
        repository.delete(id);
        esquemas.olvidar(id);
        auditoria.eliminado(ENTIDAD, id, before);
    }

    /**
     * What adding {@code campo} would do: the schema it gives, how many of the category's assets
     * would not follow it, and how many would not once the assets lacking the field get its value
     * for existing assets. Nothing is saved.
     */
    public record Prevision(ObjectNode esquema, long total, long noConformes, long noConformesConValor) {}

    @Transactional(readOnly = true)
    public Prevision preverCampo(long id, CampoNuevo campo) {
        Categoria categoria = buscar(id);
        Checks.orFail(campo.problemas(categoria.esquema()));
        ObjectNode esquema = campo.en(categoria.esquema());
        Checks.orFail(esquemas.problemas(esquema));
        var schema = esquemas.compilar(esquema);
        JsonNode valor = campo.porDefecto();
        long[] cuentas = new long[3];
        activos.recorrer(id, a -> {
            JsonNode specs = a.especificaciones() == null ? json.createObjectNode() : a.especificaciones();
            cuentas[0]++;
            if (!esquemas.validar(schema, specs).isEmpty()) {
                cuentas[1]++;
                JsonNode actual = specs.get(campo.clave());
                JsonNode rellenas = specs;
                if (valor != null && (actual == null || actual.isNull()) && specs instanceof ObjectNode o) {
                    rellenas = o.deepCopy().set(campo.clave(), valor);
                }
                if (!esquemas.validar(schema, rellenas).isEmpty()) {
                    cuentas[2]++;
                }
            }
        });
        return new Prevision(esquema, cuentas[0], cuentas[1], cuentas[2]);
    }

    /**
     * Adds {@code campo} to the schema at {@code version} and, with {@code rellenar}, gives its
     * value for existing assets to each asset lacking it (each an audited change of that asset), in
     * one transaction: a refused asset leaves everything as it was.
     */
    @Transactional
    public Actualizacion anadirCampo(long id, int version, CampoNuevo campo, boolean rellenar) {
        Categoria categoria = Versions.atVersion(ENTIDAD_API, id, version, buscar(id));
        Checks.orFail(campo.problemas(categoria.esquema()));
        if (rellenar && campo.porDefecto() == null) {
            Checks.orFail(List.of(
                    FieldError.of("valor_por_defecto", "is required to fill the assets", "requerido", List.of())));
        }
        Actualizacion hecha = reemplazar(
                id,
                new CategoriaRequest(
                        categoria.nombre(), categoria.descripcion(), campo.en(categoria.esquema()), version),
                null);
        if (!rellenar) {
            return hecha;
        }
        activos.rellenar(id, campo.clave(), campo.porDefecto());
        return new Actualizacion(hecha.categoria(), noConformes(hecha.categoria()));
    }

    /** The assets of the category whose especificaciones do not follow its current schema. */
    @Transactional(readOnly = true)
    public NoConformes noConformes(long id) {
        return noConformes(buscar(id));
    }

    /**
     * Validates especificaciones (already normalised) against the category's schema; each error
     * names its field, e.g. {@code especificaciones.ram: required}.
     */
    public List<FieldError> validarEspecificaciones(Categoria categoria, JsonNode especificaciones) {
        return esquemas.validar(categoria, especificaciones);
    }

    private NoConformes noConformes(Categoria categoria) {
        List<NoConformes.ActivoNoConforme> listed = new ArrayList<>();
        AtomicLong total = new AtomicLong();
        activos.recorrer(categoria.id(), activo -> {
            List<FieldError> errors = esquemas.validar(categoria, activo.especificaciones());
            if (!errors.isEmpty()) {
                total.incrementAndGet();
                if (listed.size() < NoConformes.MAX_LISTED) {
                    listed.add(new NoConformes.ActivoNoConforme(activo.id(), activo.codigo(), errors));
                }
            }
        });
        return new NoConformes(total.get(), listed);
    }

    private ObjectNode validated(CategoriaRequest request) {
        List<FieldError> errors = new ArrayList<>(Checks.violations(validator, request));
        ObjectNode esquema = request.esquema() != null ? request.esquema() : defaultSchema();
        errors.addAll(esquemas.problemas(esquema));
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        texts.put("nombre", request.nombre());
        texts.put("descripcion", request.descripcion());
        texts.put(
                "esquema", request.esquema() == null ? null : request.esquema().toString());
        DetectorSecretos.camposConSecreto(texts)
                .forEach(field -> errors.add(FieldError.of(field, DetectorSecretos.MENSAJE_VALOR)));
        Checks.orFail(errors);
        return esquema;
    }

    private ObjectNode defaultSchema() {
        ObjectNode schema = json.createObjectNode();
        schema.put("$schema", EsquemaValidator.DIALECT);
        schema.put("type", "object");
        return schema;
    }

    private static String descripcion(CategoriaRequest request) {
        return request.descripcion() == null || request.descripcion().isBlank()
                ? null
                : request.descripcion().trim();
    }

    private static ConflictException duplicateName() {
        return ConflictException.duplicate("nombre", "A category with this name already exists");
    }
}
