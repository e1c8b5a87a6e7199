package org.inventarioti.ops.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The per-run backup folders ({@code backups/maintenance-<stamp>/}): the newest few stay. */
public final class RunFolders {

    private RunFolders() {}

    /** Deletes all but the {@code keep} newest {@code <prefix><stamp>} folders of {@code dir} (stamps sort by time). */
    public static List<Path> prune(Path dir, String prefix, int keep) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> folders;
        try (Stream<Path> files = Files.list(dir)) {
            folders = files.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().startsWith(prefix))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString())
                            .reversed())
                    .toList();
        }
        List<Path> removed = new ArrayList<>();
        for (Path old : folders.subList(Math.min(Math.max(keep, 1), folders.size()), folders.size())) {
            try (Stream<Path> tree = Files.walk(old)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
            removed.add(old);
        }
        return removed;
    }
}
