package org.inventarioti.ops.restore;

import picocli.CommandLine.Option;

/** {@code --allow-version-mismatch} of {@code restore} and {@code verify --restore-test}. */
public final class VersionMismatchOption {

    @Option(
            names = "--allow-version-mismatch",
            description = "Accept an archive made by another release (pending expand migrations are applied).")
    boolean allowed;

    public boolean allowed() {
        return allowed;
    }
}
