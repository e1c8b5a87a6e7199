package org.inventarioti.ops.run;

import java.nio.file.Path;
import org.inventarioti.cli.CommandContext;
import picocli.CommandLine.Option;

/** The options of {@code deploy} and {@code maintenance run}: which deploy root, and whether to change anything. */
public final class RunOptions {

    @Option(
            names = "--root",
            paramLabel = "DIR",
            description = "Deploy root (default: $INVENTARIO_ROOT or /srv/inventario).")
    Path root;

    @Option(
            names = "--service-command",
            paramLabel = "CMD",
            description = "Drive the service through CMD (called as CMD start|stop|restart|is-active|show UNIT)"
                    + " instead of systemctl (default: $INVENTARIO_SYSTEMCTL or systemctl).")
    String serviceCommand;

    @Option(names = "--dry-run", description = "Run the checks, print exactly the steps, change nothing.")
    boolean dryRun;

    /** The deploy root given, else the configured one. */
    public Path root(CommandContext context) {
        if (serviceCommand != null) {
            context.bean(RunEnvironment.class).useServiceCommand(serviceCommand);
        }
        Path chosen = root != null ? root : context.bean(DeployProperties.class).root();
        return chosen.toAbsolutePath();
    }

    public boolean dryRun() {
        return dryRun;
    }
}
