package org.inventarioti.ops.run;

import java.nio.file.Path;
import org.inventarioti.cli.CommandContext;
import picocli.CommandLine.Option;

/** {@code --root} of {@code deploy} and {@code maintenance run}: the deploy root, else the configured one. */
public final class DeployRootOption {

    @Option(
            names = "--root",
            paramLabel = "DIR",
            description = "Deploy root (default: $INVENTARIO_ROOT or /srv/inventario).")
    Path root;

    public Path root(CommandContext context) {
        Path chosen = root != null ? root : context.bean(DeployProperties.class).root();
        return chosen.toAbsolutePath();
    }
}
