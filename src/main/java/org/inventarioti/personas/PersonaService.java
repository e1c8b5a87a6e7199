package org.inventarioti.personas;

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
import org.inventarioti.usuarios.UsuarioService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people who hold equipment. E-mail (case ignored), employee number and linked user are each
 * unique; a person who holds or held anything cannot be deleted (deactivate them instead), and an
 * inactive person is not offered for new check-outs. Every change is audited with before/after.
 */
@Service
public class PersonaService {

    public static final String ENTIDAD = "persona";
    private static final String ENTIDAD_API = "Persona";

    /** A person with what they hold now and held before. */
    public record Ficha(
            Persona persona,
            List<TenenciasDePersona.Tenencia> actuales,
            List<TenenciasDePersona.Tenencia> anteriores) {}

    private final PersonaRepository repository;
    private final TenenciasDePersona tenencias;
    private final UsuarioService usuarios;
    private final AuditoriaService auditoria;
    private final Validator validator;

    PersonaService(
            PersonaRepository repository,
            TenenciasDePersona tenencias,
            UsuarioService usuarios,
            AuditoriaService auditoria,
            Validator validator) {
        this.repository = repository;
        this.tenencias = tenencias;
        this.usuarios = usuarios;
        this.auditoria = auditoria;
        this.validator = validator;
    }

    @Transactional(readOnly = true)
    public List<Persona> listar(String q, Boolean activa) {
        return repository.listar(q == null || q.isBlank() ? null : q.strip(), activa);
    }

    @Transactional(readOnly = true)
    public Persona buscar(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException(ENTIDAD_API, id));
    }

    @Transactional(readOnly = true)
    public Optional<Persona> encontrar(long id) {
        return repository.findById(id);
    }

    @Transactional(readOnly = true)
    public Ficha ficha(long id) {
        return new Ficha(buscar(id), tenencias.actuales(id), tenencias.anteriores(id));
    }

    /** The free texts the V45 migration could not link without guessing. */
    @Transactional(readOnly = true)
    public List<Pendiente> pendientes() {
        return repository.pendientes();
    }

    @Transactional
    public Persona crear(PersonaRequest request) {
        PersonaRequest valid = validated(request, Optional.empty());
        long id;
        try {
            id = repository.insert(valid, AuditoriaService.currentActor());
        } catch (DuplicateKeyException e) {
            throw duplicate(e);
        }
        Persona created = buscar(id);
        auditoria.creado(ENTIDAD, id, created);
        return created;
    }

    @Transactional
    public Persona reemplazar(long id, PersonaRequest request, String ifMatch) {
        int version = Versions.required(request.version(), ifMatch);
        Persona before = Versions.atVersion(ENTIDAD_API, id, version, buscar(id));
        PersonaRequest valid = validated(request, Optional.of(before));
        try {
            if (!repository.update(id, version, valid, AuditoriaService.currentActor())) {
                throw Versions.stale(ENTIDAD_API, id, version, buscar(id));
            }
        } catch (DuplicateKeyException e) {
            throw duplicate(e);
        }
        Persona after = buscar(id);
        auditoria.actualizado(ENTIDAD, id, before, after);
        return after;
    }

    @Transactional
    public void eliminar(long id, String ifMatch) {
        Optional<Integer> version = Versions.ifMatch(ifMatch);
        Persona before =
                version.isPresent() ? Versions.atVersion(ENTIDAD_API, id, version.get(), buscar(id)) : buscar(id);
        int actuales = tenencias.actuales(id).size();
        int anteriores = tenencias.anteriores(id).size();
        if (actuales + anteriores > 0) {
            throw new InUseException(
                    before.nombre() + " holds " + actuales + " assets and held " + anteriores
                            + " before: deactivate the person instead (activa false)",
                    "activos",
                    actuales + anteriores);
        }
        try {
            if (!repository.delete(id, version.orElse(null))) {
                throw Versions.stale(ENTIDAD_API, id, version.orElse(before.version()), buscar(id));
            }
        } catch (DataIntegrityViolationException e) {
            throw new InUseException(
                    before.nombre() + " is still referenced: deactivate the person instead", "activos", 1);
        }
        auditoria.eliminado(ENTIDAD, id, before);
    }

    private PersonaRequest validated(PersonaRequest request, Optional<Persona> before) {
        List<FieldError> errors = new ArrayList<>(Checks.violations(validator, request));
        Checks.orFail(errors);
        PersonaRequest p = request.limpio();
        if (p.usuarioId() != null
                && !Objects.equals(p.usuarioId(), before.map(Persona::usuarioId).orElse(null))
                && !usuarios.existe(p.usuarioId())) {
            errors.add(FieldError.of("usuario_id", "user " + p.usuarioId() + " does not exist"));
        }
        java.util.Map<String, String> textos = new java.util.LinkedHashMap<>();
        textos.put("nombre", p.nombre());
        textos.put("email", p.email());
        textos.put("numero_empleado", p.numeroEmpleado());
        textos.put("area", p.area());
        textos.put("cargo", p.cargo());
        org.inventarioti.secretos.DetectorSecretos.camposConSecreto(textos)
                .forEach(field ->
                        errors.add(FieldError.of(field, org.inventarioti.secretos.DetectorSecretos.MENSAJE_VALOR)));
        for (String text : new String[] {p.nombre(), p.email(), p.numeroEmpleado(), p.area(), p.cargo()}) {
            if (text != null && text.indexOf('\u0000') >= 0) {
                errors.add(FieldError.of("texto", "must not contain NUL characters"));
            }
        }
        Checks.orFail(errors);
        return p;
    }

    private static ConflictException duplicate(DuplicateKeyException e) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        if (message.contains("personas_email_key")) {
            return ConflictException.duplicate("email", "A person with this e-mail already exists (case ignored)");
        }
        if (message.contains("personas_numero_empleado_key")) {
            return ConflictException.duplicate("numero_empleado", "A person with this employee number already exists");
        }
        if (message.contains("personas_usuario_key")) {
            return ConflictException.duplicate("usuario_id", "This user is already linked to another person");
        }
        return new ConflictException("The change conflicts with an existing person");
    }
}
