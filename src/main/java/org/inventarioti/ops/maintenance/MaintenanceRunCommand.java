package org.inventarioti.ops.maintenance;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.inventarioti.config.CliContext;
import org.inventarioti.ops.run.DeployProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        mixinStandardHelpOptions = true,
        name = "run",
        description = {
            "The maintenance window in one command: preflight, maintenance on, wait for in-flight writes, backup +"
                    + " test restore, stop, contract migrations with the new release, start it, readiness, smoke,"
                    + " switch current, maintenance off. Any failure restores the backup (when the schema changed)"
                    + " and starts the previous release; a journal of every step is kept under <root>/journal.",
            "Exit code 0 done, 1 refused or rolled back (previous release serving), 2 the rollback failed"
                    + " (maintenance mode stays on)."
        })
public class MaintenanceRunCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--release",
            paramLabel = "JAR|VERSION",
            description = "The release to upgrade to: a jar, or a version installed under <root>/releases"
                    + " (default: the current release, to run its pending contract migrations).")
    String release;

    @Option(
            names = "--root",
            paramLabel = "DIR",
            description = "Deploy root (default: $INVENTARIO_ROOT or /srv/inventario).")
    Path root;

    @Option(names = "--dry-run", description = "Run preflight, print exactly the steps, change nothing.")
    boolean dryRun;

    MaintenanceRunCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Path deployRoot =
                root != null ? root : context.bean(DeployProperties.class).root();
        return context.bean(MaintenanceRun.class)
                .run(
                        Optional.ofNullable(release),
                        deployRoot.toAbsolutePath(),
                        dryRun,
                        spec.commandLine().getOut());
    }
}
