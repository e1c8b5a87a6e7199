package org.inventarioti.ops.archive;

import java.nio.file.Path;
import java.time.Duration;

public record BackupResult(Path archive, long bytes, Manifest manifest, Duration elapsed) {

    public String summary() {
        return String.format(
                java.util.Locale.ROOT,
                "Backup %s: %s, %d rows in %d tables, %.1f s",
                archive,
                Sizes.human(bytes),
                manifest.totalRows(),
                manifest.tables().size(),
                elapsed.toMillis() / 1000.0);
    }
}
