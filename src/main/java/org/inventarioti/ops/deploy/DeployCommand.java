package org.inventarioti.ops.deploy;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.inventarioti.cli.CommandContext;
import org.inventarioti.ops.preflight.PreflightService;
import org.inventarioti.ops.run.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        mixinStandardHelpOptions = true,
        name = "deploy",
        description = {
            "Installs a release into <root>/releases/<version>/ and makes it current only after readiness and smoke"
                    + " pass; otherwise the previous release is started again.",
            "Exit code 0 deployed, 1 refused or rolled back, 2 the rollback failed too."
        })
public class DeployCommand implements Callable<Integer> {

    @Mixin
    CommandContext context;

    @Parameters(arity = "0..1", paramLabel = "JAR", description = "The release jar (default: this one).")
    Path jar;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        Path release = jar != null ? jar.toAbsolutePath() : PreflightService.runningJar();
        if (release == null) {
            throw new IllegalArgumentException("name the release jar to deploy");
        }
        return context.bean(DeployService.class)
                .deploy(release, options.root(context), options.dryRun(), context.out());
    }
}
