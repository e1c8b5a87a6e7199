package org.inventarioti.ops.restore;

import picocli.CommandLine.Option;

/** {@code --scratch}: where a test restore ({@code backup --verify}, {@code verify --restore-test}) runs. */
public final class ScratchOption {

    @Option(
            names = "--scratch",
            defaultValue = "AUTO",
            description = "Scratch database for the test restore: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}:"
                    + " the configured server when the role may create databases, else a throwaway embedded one).")
    ScratchDatabase.Kind scratch;

    public ScratchDatabase.Kind kind() {
        return scratch;
    }
}
