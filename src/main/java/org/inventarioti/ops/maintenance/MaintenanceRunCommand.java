package org.inventarioti.ops.maintenance;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.inventarioti.cli.CommandContext;
import org.inventarioti.ops.run.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    @Mixin
    CommandContext context;

    @Option(
            names = "--release",
            paramLabel = "JAR|VERSION",
            description = "The release to upgrade to: a jar, or a version installed under <root>/releases"
                    + " (default: the current release, to run its pending contract migrations).")
    String release;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        return context.bean(MaintenanceRun.class)
                .run(Optional.ofNullable(release), options.root(context), options.dryRun(), context.out());
    }
}
