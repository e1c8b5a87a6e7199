package org.inventarioti.usuarios;

import java.io.PrintStream;
import org.inventarioti.config.EmbeddedPostgresServer;
import org.inventarioti.config.InventarioProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The first administrator: from {@code INVENTARIO_ADMIN_EMAIL}/{@code INVENTARIO_ADMIN_PASSWORD},
 * or on an embedded first run generated and shown once on the console (never in the log).
 */
@Component
@ConditionalOnWebApplication
class PrimerAdministrador implements ApplicationRunner {

    static final String DEFAULT_EMAIL = "admin@inventario.local";
    private static final Logger log = LoggerFactory.getLogger(PrimerAdministrador.class);

    private final UsuarioService usuarios;
    private final InventarioProperties.Admin admin;
    private final ObjectProvider<EmbeddedPostgresServer> embedded;
    private final PrintStream console;

    PrimerAdministrador(
            UsuarioService usuarios, InventarioProperties properties, ObjectProvider<EmbeddedPostgresServer> embedded) {
        this.usuarios = usuarios;
        this.admin = properties.admin();
        this.embedded = embedded;
        this.console = System.out;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (usuarios.contar() > 0) {
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
            log.info("First administrator {} created; its password was printed on the console", DEFAULT_EMAIL);
        } else {
            log.warn("There are no users. Create the first administrator with "
                    + "`inventario usuarios crear-admin --email <email>` or set INVENTARIO_ADMIN_EMAIL and "
                    + "INVENTARIO_ADMIN_PASSWORD and restart.");
        }
    }
}
