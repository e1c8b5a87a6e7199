package org.inventarioti.ops.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.inventarioti.ops.archive.BackupService;

/** {@code --keep N}: the N newest archives of a directory stay, older ones go. */
public final class Retention {

    private Retention() {}

    public static List<Path> prune(Path dir, int keep) throws IOException {
        if (keep < 1) {
            throw new IllegalArgumentException("--keep must be at least 1");
        }
        List<Path> archives;
        try (var files = Files.list(dir)) {
            archives = files.filter(BackupService::isArchiveName)
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString())
                            .reversed())
                    .toList();
        }
        List<Path> removed = new ArrayList<>();
        for (Path old : archives.subList(Math.min(keep, archives.size()), archives.size())) {
            Files.deleteIfExists(old);
            removed.add(old);
        }
        return removed;
    }
}
