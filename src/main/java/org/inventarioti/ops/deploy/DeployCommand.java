package org.inventarioti.ops.deploy;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.inventarioti.config.CliContext;
import org.inventarioti.ops.preflight.PreflightService;
import org.inventarioti.ops.run.DeployProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        mixinStandardHelpOptions = true,
        name = "deploy",
        description = {
            "Installs a release into <root>/releases/<version>/ and makes it current only after readiness and smoke"
                    + " pass; otherwise the previous release is started again.",
            "Exit code 0 deployed, 1 refused or rolled back, 2 the rollback failed too."
        })
public class DeployCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "JAR", description = "The release jar (default: this one).")
    Path jar;

    @Option(
            names = "--root",
            paramLabel = "DIR",
            description = "Deploy root (default: $INVENTARIO_ROOT or /srv/inventario).")
    Path root;

    @Option(names = "--dry-run", description = "Run the checks, print the exact steps, change nothing.")
    boolean dryRun;

    DeployCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Path release = jar != null ? jar.toAbsolutePath() : PreflightService.runningJar();
        if (release == null) {
            throw new IllegalArgumentException("name the release jar to deploy");
        }
        Path deployRoot =
                root != null ? root : context.bean(DeployProperties.class).root();
        return context.bean(DeployService.class)
                .deploy(
                        release,
                        deployRoot.toAbsolutePath(),
                        dryRun,
                        spec.commandLine().getOut());
    }
}
