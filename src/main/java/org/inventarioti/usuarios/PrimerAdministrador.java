package org.inventarioti.usuarios;

import java.io.PrintWriter;
import org.inventarioti.config.EmbeddedPostgresServer;
import org.inventarioti.config.InventarioProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The first administrator: from {@code INVENTARIO_ADMIN_EMAIL}/{@code INVENTARIO_ADMIN_PASSWORD},
 * or on an embedded first run generated and shown once on the console (never in the log). Made by
 * whichever command touches a fresh installation first — the server's start ({@link
 * PrimerAdministradorAlArrancar}) or {@code inventario demo-data} — so demo users never stand in
 * for it. A fresh installation is one with no user other than demo users.
 */
@Component
public class PrimerAdministrador {

    static final String DEFAULT_EMAIL = "admin@inventario.local";
    private static final Logger log = LoggerFactory.getLogger(PrimerAdministrador.class);

    private final UsuarioService usuarios;
    private final UsuarioRepository repository;
    private final InventarioProperties.Admin admin;
    private final ObjectProvider<EmbeddedPostgresServer> embedded;

    PrimerAdministrador(
            UsuarioService usuarios,
            UsuarioRepository repository,
            InventarioProperties properties,
            ObjectProvider<EmbeddedPostgresServer> embedded) {
        this.usuarios = usuarios;
        this.repository = repository;
        this.admin = properties.admin();
        this.embedded = embedded;
    }

    /** Creates it when the installation has no user but demo ones; a generated password goes to {@code console}. */
    @Transactional
    public void crearSiFalta(PrintWriter console) {
        if (repository.countNoDemo() > 0) {
            return;
        }
        if (StringUtils.hasText(admin.email()) && StringUtils.hasText(admin.password())) {
            usuarios.crearAdministrador("Administrador", admin.email(), admin.password(), false);
            log.info("First administrator {} created from INVENTARIO_ADMIN_EMAIL", admin.email());
        } else if (embedded.getIfAvailable() != null) {
            String password = PasswordPolicy.generate();
            usuarios.crearAdministrador("Administrador", DEFAULT_EMAIL, password, false);
            console.printf(
                    "%n=================================================================%n"
                            + " Inventario-TI: first administrator created (shown only this once)%n"
                            + "   email:    %s%n   password: %s%n"
                            + " Change it after logging in: POST /api/auth/password%n"
                            + "=================================================================%n%n",
                    DEFAULT_EMAIL, password);
            console.flush();
            log.info("First administrator {} created; its password was printed on the console", DEFAULT_EMAIL);
        } else {
            log.warn("There are no users. Create the first administrator with "
                    + "`inventario usuarios crear-admin --email <email>` or set INVENTARIO_ADMIN_EMAIL and "
                    + "INVENTARIO_ADMIN_PASSWORD and restart.");
        }
    }
}
