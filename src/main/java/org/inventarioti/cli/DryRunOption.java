package org.inventarioti.cli;

import picocli.CommandLine.Option;

/** {@code --dry-run} of the commands that change a host: the checks run, the steps are printed, nothing changes. */
public final class DryRunOption {

    @Option(names = "--dry-run", description = "Run the checks, print exactly the steps, change nothing.")
    boolean dryRun;

    public boolean dryRun() {
        return dryRun;
    }
}
