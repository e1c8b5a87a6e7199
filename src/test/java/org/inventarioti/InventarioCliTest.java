package org.inventarioti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.inventarioti.cli.CliContext;
import org.inventarioti.ops.release.AppVersion;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;

@InventarioTest
class InventarioCliTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.inventarioti.usuarios.UsuarioService usuarios;

    record Run(int exit, String out, String err, boolean springStarted) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        TestDatabase db = TestDatabase.get();
        try (CliContext context = new CliContext(
                () -> new SpringApplicationBuilder(InventarioApplication.class),
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--inventario.data-dir=target/test-data")) {
            CommandLine commandLine = InventarioCli.commandLine(context);
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            int exit = commandLine.execute(args);
            return new Run(exit, out.toString(), err.toString(), context.started());
        }
    }

    @Test
    void versionAndHelpNeedNoDatabase() {
        Run version = run("version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).contains("Inventario-TI " + AppVersion.get());
        assertThat(version.springStarted()).isFalse();

        Run help = run("help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("usuarios", "version");
        assertThat(help.springStarted()).isFalse();
    }

    @Test
    void helpAndVersionOptionsRunTheCliWhileSpringOptionsRunTheServer() {
        for (String cli : new String[] {"--help", "-h", "--version", "-V", "help", "backup"}) {
            assertThat(InventarioCli.isCommand(new String[] {cli})).as(cli).isTrue();
        }
        assertThat(InventarioCli.isCommand(new String[0])).isFalse();
        assertThat(InventarioCli.isCommand(new String[] {"--server.port=9090"})).isFalse();
        assertThat(InventarioCli.isCommand(new String[] {"--spring.profiles.active=prod"}))
                .isFalse();

        Run help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Without a command, runs the server", "backup");
        assertThat(help.springStarted()).isFalse();
    }

    @Test
    void unknownCommandsAndMissingOptionsAreUsageErrors() {
        Run unknown = run("frobnicate");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("frobnicate");
        Run missing = run("usuarios", "crear-admin");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--email");
    }

    @Test
    void crearAdminCreatesAnAdministratorAndRefusesADuplicateUnlessReset() {
        String email = "cli-" + System.nanoTime() + "@test.local";
        Run created = run("usuarios", "crear-admin", "--email", email, "--nombre", "Ops");
        assertThat(created.exit()).isZero();
        assertThat(created.out()).contains("Administrator " + email).contains("Generated password");
        assertThat(jdbc.sql("SELECT rol FROM usuarios WHERE email = ?")
                        .param(email)
                        .query(String.class)
                        .single())
                .isEqualTo("ADMIN");

        Run duplicate = run("usuarios", "crear-admin", "--email", email);
        assertThat(duplicate.exit()).isEqualTo(1);
        assertThat(duplicate.err()).contains("already exists");

        jdbc.sql("UPDATE usuarios SET rol = 'LECTOR', enabled = false WHERE email = ?")
                .param(email)
                .update();
        Run reset = run("usuarios", "crear-admin", "--email", email, "--reset");
        assertThat(reset.exit()).isZero();
        assertThat(jdbc.sql("SELECT rol || enabled FROM usuarios WHERE email = ?")
                        .param(email)
                        .query(String.class)
                        .single())
                .isEqualTo("ADMINtrue");
    }

    /** The staging restore's temporary smoke user: read-only, signs in, removed again; nothing else is removable. */
    @Test
    void smokeUserIsATemporaryReaderThatOnlyItselfCanRemove() {
        String email = "smoke-" + System.nanoTime() + "@staging.invalid";
        Run noPassword = run("usuarios", "smoke-user", "--email", email);
        assertThat(noPassword.exit()).isEqualTo(2);
        assertThat(noPassword.err()).contains("--password-env VAR", "--remove");
        Run unset = run("usuarios", "smoke-user", "--email", email, "--password-env", "INVENTARIO_NO_SUCH_VARIABLE_X");
        assertThat(unset.exit()).isEqualTo(1);
        assertThat(unset.err()).contains("INVENTARIO_NO_SUCH_VARIABLE_X is not set");

        // The password comes from a variable of this process's environment whose value the policy accepts.
        String variable = System.getenv().entrySet().stream()
                .filter(e -> e.getValue().length() >= 12 && e.getValue().length() <= 60)
                .filter(e -> e.getValue().chars().distinct().count() >= 6)
                .map(java.util.Map.Entry::getKey)
                .sorted()
                .findFirst()
                .orElseThrow(() -> new AssertionError("no environment variable to hold a password"));
        String value = System.getenv(variable);
        Run created = run("usuarios", "smoke-user", "--email", email, "--password-env", variable);
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).contains("Smoke user " + email + " (LECTOR").doesNotContain(value);
        assertThat(jdbc.sql("SELECT rol || enabled FROM usuarios WHERE email = ?")
                        .param(email)
                        .query(String.class)
                        .single())
                .isEqualTo("LECTORtrue");

        String admin = "not-smoke-" + System.nanoTime() + "@test.local";
        usuarios.crearAdministrador("Ops", admin, "admin-pass-" + System.nanoTime(), false);
        assertThatThrownBy(() -> usuarios.borrarUsuarioSmoke(admin))
                .hasMessageContaining("is not a temporary smoke user; it was left alone");
        assertThat(jdbc.sql("SELECT count(*) FROM usuarios WHERE email = ?")
                        .param(admin)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);

        Run removed = run("usuarios", "smoke-user", "--email", email, "--remove");
        assertThat(removed.exit()).isZero();
        assertThat(removed.out()).contains("Smoke user " + email + " removed.");
        assertThat(jdbc.sql("SELECT count(*) FROM usuarios WHERE email = ?")
                        .param(email)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(usuarios.borrarUsuarioSmoke(email))
                .as("nothing left to remove")
                .isFalse();
    }
}
