package org.inventarioti.usuarios;

import java.io.Console;
import java.util.concurrent.Callable;
import org.inventarioti.cli.CommandContext;
import org.inventarioti.ops.migrate.StartupMigrations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "usuarios",
        description = "Manages users from the command line.",
        subcommands = {UsuariosCommand.CrearAdmin.class, UsuariosCommand.SmokeUser.class})
public class UsuariosCommand {

    @Command(
            name = "crear-admin",
            description = {
                "Creates an administrator. The password comes from the variable named by --password-env,"
                        + " or is asked for on the terminal, or is generated and shown once.",
                "With --reset an existing account becomes an enabled ADMIN with the new password."
            })
    static class CrearAdmin implements Callable<Integer> {

        @Mixin
        CommandContext context;

        @Option(names = "--email", required = true, description = "Email of the administrator.")
        String email;

        @Option(names = "--nombre", defaultValue = "Administrador", description = "Display name.")
        String nombre;

        @Option(
                names = "--password-env",
                paramLabel = "VAR",
                description = "Environment variable holding the password.")
        String passwordEnv;

        @Option(names = "--reset", description = "Reset an existing account instead of failing.")
        boolean reset;

        @Override
        public Integer call() {
            String password = password();
            boolean generated = password == null;
            if (generated) {
                password = PasswordPolicy.generate();
            }
            context.bean(StartupMigrations.class).migrateForCommand();
            UsuarioView admin = context.bean(UsuarioService.class).crearAdministrador(nombre, email, password, reset);
            var out = context.out();
            out.println("Administrator " + admin.email() + " (id " + admin.id() + ") is ready.");
            if (generated) {
                out.println("Generated password (shown only now): " + password);
            }
            return 0;
        }

        private String password() {
            if (passwordEnv != null) {
                return CommandContext.requiredEnv(passwordEnv);
            }
            Console console = System.console();
            if (console != null) {
                char[] typed = console.readPassword("Password for %s (empty to generate one): ", email);
                return typed == null || typed.length == 0 ? null : new String(typed);
            }
            return null;
        }
    }

    @Command(
            name = "smoke-user",
            description = {
                "Creates a temporary read-only (LECTOR) account for a smoke test of a restored copy, with the"
                        + " password from the variable named by --password-env (never shown), or with --remove"
                        + " deletes it again. Only an account this command made can be removed.",
                "Used by ops/staging_restore.sh on the staging copy; never run it against production."
            })
    static class SmokeUser implements Callable<Integer> {

        @Mixin
        CommandContext context;

        @Option(names = "--email", required = true, description = "Email of the temporary account.")
        String email;

        @Option(
                names = "--password-env",
                paramLabel = "VAR",
                description = "Environment variable holding its password (required to create).")
        String passwordEnv;

        @Option(names = "--remove", description = "Delete the temporary account instead of creating it.")
        boolean remove;

        @Override
        public Integer call() {
            if (remove == (passwordEnv != null)) {
                throw context.usage("give --password-env VAR to create the smoke user, or --remove to delete it");
            }
            if (remove) {
                boolean removed = context.bean(UsuarioService.class).borrarUsuarioSmoke(email);
                context.out().println(removed ? "Smoke user " + email + " removed." : "No smoke user " + email + ".");
                return 0;
            }
            String password = CommandContext.requiredEnv(passwordEnv);
            context.bean(StartupMigrations.class).migrateForCommand();
            UsuarioView user = context.bean(UsuarioService.class).crearUsuarioSmoke(email, password);
            context.out().println("Smoke user " + user.email() + " (LECTOR, id " + user.id() + ") created.");
            return 0;
        }
    }
}
