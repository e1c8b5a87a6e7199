package org.inventarioti.ops.restore;

import java.nio.file.Path;

/**
 * @param force replace a non-empty target (backed up first into {@code backupDir})
 * @param allowVersionMismatch accept an archive made by another release or with another migration history
 */
public record RestoreOptions(boolean force, boolean allowVersionMismatch, Path backupDir) {}
