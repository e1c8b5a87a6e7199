package org.inventarioti.importacion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The original's accounts: bcrypt hashes carried over as {bcrypt} so everyone signs in with their
 * old password. Registration there was public and let the caller pick the role, so nobody is
 * ADMIN here unless named with --admin; the others get the default role.
 */
final class UsuariosLegado {

    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}");
    static final List<String> COLUMNAS =
            List.of("id", "nombre", "email", "password_hash", "rol", "enabled", "created_at", "updated_at");

    private final Contexto ctx;
    private final Map<Long, String> roles = new HashMap<>();
    private final List<Informe.Usuario> cuentas = new ArrayList<>();
    private final java.time.OffsetDateTime ahora = java.time.OffsetDateTime.now();

    UsuariosLegado(Contexto ctx) {
        this.ctx = ctx;
    }

    List<Informe.Usuario> cuentas() {
        return cuentas;
    }

    void roles(Origen origen, EsquemaLegado esquema) throws Exception {
        if (!esquema.hay("roles")) {
            return;
        }
        Columnas c = new Columnas(esquema.columnas("roles"));
        origen.leer("roles", esquema.columnas("roles"), fila -> {
            c.con(fila);
            ctx.registro.leida("roles");
            var id = Valores.id(c.get("id"));
            if (id.isEmpty()) {
                ctx.registro.rechazada("roles", String.valueOf(c.get("id")), "id is not a number");
                return;
            }
            roles.put(id.get(), c.get("nombre") == null ? "" : c.get("nombre").trim());
            ctx.registro.importada("roles");
        });
    }

    void usuarios(Origen origen, EsquemaLegado esquema, CopyCsv copy) throws Exception {
        List<String> columns = esquema.columnas("usuarios");
        Columnas c = new Columnas(columns);
        Map<String, Long> emails = new HashMap<>();
        Set<String> admins = new LinkedHashSet<>();
        ctx.admins.forEach(a -> admins.add(a.trim().toLowerCase(Locale.ROOT)));
        Set<String> adminsFound = new LinkedHashSet<>();
        origen.leer("usuarios", columns, fila -> {
            c.con(fila);
            ctx.registro.leida("usuarios");
            String rawId = c.get("id");
            var id = Valores.id(rawId);
            String email = c.get("email") == null ? "" : c.get("email").trim().toLowerCase(Locale.ROOT);
            if (id.isEmpty()) {
                ctx.registro.rechazada("usuarios", String.valueOf(rawId), "id is not a number");
                return;
            }
            if (email.length() < 3 || email.length() > 254 || !email.contains("@")) {
                ctx.registro.rechazada("usuarios", rawId, "no usable email address");
                return;
            }
            Long other = emails.putIfAbsent(email, id.get());
            if (other != null) {
                ctx.registro.rechazada(
                        "usuarios", rawId, "email " + email + " is already user " + other + "'s (case ignored)");
                return;
            }
            String nombre = Valores.texto(c.get("nombre"));
            if (nombre == null) {
                nombre = email.substring(0, email.indexOf('@')).isEmpty()
                        ? email
                        : email.substring(0, email.indexOf('@'));
                ctx.registro.decision("usuarios", "empty nombre", "the email's local part", rawId);
            } else if (nombre.length() > 200) {
                nombre = nombre.substring(0, 200);
                ctx.registro.decision("usuarios", "nombre longer than 200", "cut to 200 characters", rawId);
            }
            String rolOriginal = Valores.id(c.get("rol_id"))
                    .map(r -> roles.getOrDefault(r, "rol " + r))
                    .orElse(null);
            boolean admin = admins.contains(email);
            String rol = admin ? "ADMIN" : ctx.rolPorDefecto;
            if (admin) {
                adminsFound.add(email);
            }
            ctx.registro.decision("usuarios", "role " + (rolOriginal == null ? "(none)" : rolOriginal), rol, email);
            String password = c.get("password") == null ? "" : c.get("password").trim();
            boolean bcrypt = BCRYPT.matcher(password).matches();
            String nota = null;
            if (!bcrypt) {
                nota = "its password is not a bcrypt hash: imported disabled; set a new one";
                ctx.registro.decision("usuarios", "password not a bcrypt hash", "imported disabled", email);
            }
            var creado = Valores.instante(c.get("created_at"), ctx.zona).orElse(ahora);
            copy.fila(
                    id.get(), nombre, email, bcrypt ? "{bcrypt}" + password : "{bcrypt}!", rol, bcrypt, creado, creado);
            ctx.usuarios.add(id.get());
            ctx.registro.importada("usuarios");
            cuentas.add(new Informe.Usuario(id.get(), email, rolOriginal, rol, bcrypt, nota));
        });
        admins.removeAll(adminsFound);
        if (!admins.isEmpty()) {
            throw new ImportacionRechazada(
                    "--admin " + String.join(", ", admins) + ": no imported user has that email; nothing was imported");
        }
        if (adminsFound.isEmpty()) {
            ctx.registro.aviso("no account is ADMIN: name one with --admin EMAIL, or create one afterwards with"
                    + " `inventario usuarios crear-admin --email …`");
        }
    }
}
