package org.inventarioti.usuarios;

import java.util.List;
import org.inventarioti.auditoria.AuditoriaService;
import org.inventarioti.errors.ConflictException;
import org.inventarioti.errors.InvalidException;
import org.inventarioti.errors.NotFoundException;
import org.inventarioti.secretos.DetectorSecretos;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users: administrators create and manage them; there is no self-registration. */
@Service
public class UsuarioService {

    /** The id of the user signed in to the current web session, if any. */
    public static java.util.OptionalLong idEnSesion() {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof UsuarioSesion sesion
                ? java.util.OptionalLong.of(sesion.id())
                : java.util.OptionalLong.empty();
    }

    static final String ENTIDAD = "usuario";

    private final UsuarioRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final AuditoriaService auditoria;

    UsuarioService(UsuarioRepository repository, PasswordEncoder passwordEncoder, AuditoriaService auditoria) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.auditoria = auditoria;
    }

    @Transactional(readOnly = true)
    public List<UsuarioView> listar() {
        return repository.findAll().stream().map(UsuarioView::of).toList();
    }

    @Transactional(readOnly = true)
    public UsuarioView buscar(long id) {
        return UsuarioView.of(existing(id));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Usuario> porEmail(String email) {
        return repository.findByEmail(email);
    }

    @Transactional(readOnly = true)
    public boolean existe(long id) {
        return repository.findById(id).isPresent();
    }

    @Transactional(readOnly = true)
    public long contar() {
        return repository.count();
    }

    @Transactional
    public UsuarioView crear(CrearUsuarioRequest request) {
        return crear(request, false);
    }

    @Transactional
    public UsuarioView crear(CrearUsuarioRequest request, boolean demo) {
        checkPassword(request.password(), request.email());
        sinSecretos(request.nombre(), request.email());
        long id;
        try {
            id = repository.insert(
                    request.nombre(), request.email(), request.rol(), passwordEncoder.encode(request.password()), demo);
        } catch (DuplicateKeyException e) {
            throw ConflictException.duplicate("email", "A user with this email already exists");
        }
        UsuarioView created = buscar(id);
        auditoria.creado(ENTIDAD, id, created);
        return created;
    }

    @Transactional
    public UsuarioView actualizar(long id, ActualizarUsuarioRequest request) {
        Usuario before = existing(id);
        Rol rol = request.rol() != null ? request.rol() : before.rol();
        boolean enabled = request.enabled() != null ? request.enabled() : before.enabled();
        String nombre = request.nombre() != null ? request.nombre() : before.nombre();
        sinSecretos(nombre, null);
        boolean losesAdmin = before.rol() == Rol.ADMIN && before.enabled() && (rol != Rol.ADMIN || !enabled);
        if (losesAdmin && repository.countOtherEnabledAdminsForUpdate(id) == 0) {
            throw new ConflictException("At least one enabled administrator must remain");
        }
        repository.update(id, nombre, rol, enabled, before.enabled() && !enabled);
        UsuarioView after = buscar(id);
        auditoria.actualizado(ENTIDAD, id, UsuarioView.of(before), after);
        return after;
    }

    @Transactional
    public void restablecerPassword(long id, String password) {
        Usuario usuario = existing(id);
        checkPassword(password, usuario.email());
        repository.updatePassword(id, passwordEncoder.encode(password));
        auditoria.evento("restablecer_password", ENTIDAD, id, null, null);
    }

    /**
     * Creates an administrator, or with {@code reset} makes an existing account an enabled
     * administrator with the given password: the way back in for an operator locked out.
     */
    @Transactional
    public UsuarioView crearAdministrador(String nombre, String email, String password, boolean reset) {
        var existing = repository.findByEmail(email);
        if (existing.isEmpty()) {
            return crear(new CrearUsuarioRequest(nombre, email, Rol.ADMIN, password));
        }
        if (!reset) {
            throw ConflictException.duplicate(
                    "email", "A user with this email already exists (use --reset to reset it)");
        }
        long id = existing.get().id();
        actualizar(id, new ActualizarUsuarioRequest(null, Rol.ADMIN, true));
        restablecerPassword(id, password);
        return buscar(id);
    }

    /** The name that marks a temporary smoke account; only an account so named can be removed again. */
    public static final String NOMBRE_SMOKE = "Smoke test (temporary)";

    /**
     * A temporary read-only account for smoke-testing a restored copy ({@code ops/staging_restore.sh}):
     * LECTOR, named {@link #NOMBRE_SMOKE}, removed again by {@link #borrarUsuarioSmoke}.
     */
    @Transactional
    public UsuarioView crearUsuarioSmoke(String email, String password) {
        return crear(new CrearUsuarioRequest(NOMBRE_SMOKE, email, Rol.LECTOR, password));
    }

    /**
     * Removes a temporary smoke account; false when there is none with this email. Any other account
     * (another name or role) is refused and left alone, so a typo cannot delete a real user.
     */
    @Transactional
    public boolean borrarUsuarioSmoke(String email) {
        var usuario = repository.findByEmail(email);
        if (usuario.isEmpty()) {
            return false;
        }
        Usuario found = usuario.get();
        if (!NOMBRE_SMOKE.equals(found.nombre()) || found.rol() != Rol.LECTOR) {
            throw new ConflictException(
                    "The user " + found.email() + " is not a temporary smoke user; it was left alone");
        }
        repository.delete(found.id());
        auditoria.eliminado(ENTIDAD, found.id(), UsuarioView.of(found));
        return true;
    }

    private Usuario existing(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("Usuario", id));
    }

    /** A user's name and email are shown everywhere: they may not carry a secret ({@link DetectorSecretos}). */
    private static void sinSecretos(String nombre, String email) {
        java.util.Map<String, String> texts = new java.util.LinkedHashMap<>();
        texts.put("nombre", nombre);
        texts.put("email", email);
        List<org.inventarioti.errors.FieldError> errors = DetectorSecretos.camposConSecreto(texts).stream()
                .map(field -> org.inventarioti.errors.FieldError.of(field, DetectorSecretos.MENSAJE_VALOR))
                .toList();
        org.inventarioti.errors.Checks.orFail(errors);
    }

    private static void checkPassword(String password, String email) {
        PasswordPolicy.problem(password, email).ifPresent(problem -> {
            throw InvalidException.of("password", problem);
        });
    }
}
