package org.inventarioti.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.inventarioti.InventarioApplication;
import org.inventarioti.InventarioCli;
import org.inventarioti.cli.CliContext;
import org.junit.jupiter.api.Test;

/** The ops commands are registered and documented without starting Spring. */
class OpsCommandRegistrationTest {

    private static String help(String... args) {
        StringWriter out = new StringWriter();
        try (CliContext context = new CliContext(InventarioApplication.class)) {
            var commandLine = InventarioCli.commandLine(context);
            commandLine.setOut(new PrintWriter(out, true));
            assertThat(commandLine.execute(args)).isZero();
            assertThat(context.started()).isFalse();
        }
        return out.toString();
    }

    private static String usage(String... path) {
        try (CliContext context = new CliContext(InventarioApplication.class)) {
            var commandLine = InventarioCli.commandLine(context);
            for (String name : path) {
                commandLine = commandLine.getSubcommands().get(name);
            }
            return commandLine.getUsageMessage();
        }
    }

    @Test
    void everyOpsCommandIsThere() {
        assertThat(help("help")).contains("migrate", "maintenance", "preflight", "deploy");
        assertThat(help("help", "migrate")).contains("status", "plan", "apply");
        assertThat(help("help", "maintenance")).contains("on", "off", "status", "run");
        assertThat(help("maintenance", "run", "--help")).contains("--release", "--dry-run", "--root");
        assertThat(help("deploy", "--help")).contains("--dry-run", "--root");
    }

    @Test
    void everySubcommandAnswersHelpWithoutStartingSpring() {
        java.util.List<java.util.List<String>> paths = new java.util.ArrayList<>();
        try (CliContext context = new CliContext(InventarioApplication.class)) {
            collect(InventarioCli.commandLine(context), new java.util.ArrayList<>(), paths);
        }
        assertThat(paths).hasSizeGreaterThan(15).contains(java.util.List.of("migrate", "status"));
        for (var path : paths) {
            var args = new java.util.ArrayList<>(path);
            args.add("--help");
            assertThat(help(args.toArray(String[]::new)))
                    .as(String.join(" ", path))
                    .contains("Usage: inventario " + String.join(" ", path));
        }
    }

    private static void collect(
            picocli.CommandLine commandLine, java.util.List<String> path, java.util.List<java.util.List<String>> out) {
        commandLine.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().name().equals(name) && !name.equals("help")) {
                var next = new java.util.ArrayList<>(path);
                next.add(name);
                out.add(next);
                collect(sub, next, out);
            }
        });
    }

    @Test
    void sharedOptionsReadTheSameInEveryCommand() {
        for (String command : new String[] {"backup", "verify"}) {
            assertThat(help("help", command))
                    .as(command)
                    .contains("--scratch=<scratch>", "Scratch database for the test restore");
        }
        for (String command : new String[] {"restore", "verify"}) {
            assertThat(help("help", command)).as(command).contains("--allow-version-mismatch");
        }
        assertThat(usage("migrate", "plan")).contains("Also plan the contract", "--target=V");
        assertThat(usage("migrate", "apply")).contains("Also apply the contract", "--target=V");
        assertThat(help("deploy", "--help"))
                .contains("Deploy root (default: $INVENTARIO_ROOT or /srv/inventario).")
                .contains("Run the checks, print exactly the steps, change nothing.");
    }
}
