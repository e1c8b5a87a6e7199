package org.inventarioti.ops.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.inventarioti.ops.archive.BackupService;
import org.inventarioti.ops.offsite.OffsiteStore;
import org.inventarioti.ops.offsite.RemoteArchive;

/** Applies a retention to a directory's archives or to the maintenance run's folders. */
public final class Retention {

    private static final Pattern FOLDER_STAMP = Pattern.compile(".*?(\\d{8}-\\d{6}).*");

    private Retention() {}

    /** {@code --keep N}: the N newest archives of a directory stay, older ones go. */
    public static List<Path> prune(Path dir, int keep) throws IOException {
        if (keep < 1) {
            throw new IllegalArgumentException("--keep must be at least 1");
        }
        List<Path> archives = archives(dir).stream()
                .sorted(Comparator.comparing((Path p) -> p.getFileName().toString())
                        .reversed())
                .toList();
        List<Path> removed = new ArrayList<>();
        for (Path old : archives.subList(Math.min(keep, archives.size()), archives.size())) {
            Files.deleteIfExists(old);
            removed.add(old);
        }
        return removed;
    }

    /** Deletes the archives of {@code dir} the policy does not keep; {@code verified} are absolute paths. */
    public static List<Path> prune(Path dir, RetentionPolicy policy, Set<Path> verified) throws IOException {
        List<RetentionPolicy.Item<Path>> items = new ArrayList<>();
        for (Path archive : archives(dir)) {
            items.add(new RetentionPolicy.Item<>(
                    archive,
                    archiveTime(archive),
                    verified.contains(archive.toAbsolutePath().normalize())));
        }
        Set<Path> kept = policy.keep(items);
        List<Path> removed = new ArrayList<>();
        for (RetentionPolicy.Item<Path> item : items) {
            if (!kept.contains(item.value())) {
                Files.deleteIfExists(item.value());
                removed.add(item.value());
            }
        }
        return removed;
    }

    /** The same rule over {@code <prefix><yyyyMMdd-HHmmss>} folders; one holding a verified archive counts as verified. */
    public static List<Path> pruneFolders(Path dir, String prefix, RetentionPolicy policy, Set<Path> verified)
            throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<RetentionPolicy.Item<Path>> items = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path folder : files.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().startsWith(prefix))
                    .toList()) {
                boolean holdsVerified = verified.stream()
                        .anyMatch(v -> v.startsWith(folder.toAbsolutePath().normalize()));
                items.add(new RetentionPolicy.Item<>(folder, folderTime(folder), holdsVerified));
            }
        }
        Set<Path> kept = policy.keep(items);
        List<Path> removed = new ArrayList<>();
        for (RetentionPolicy.Item<Path> item : items) {
            if (!kept.contains(item.value())) {
                try (Stream<Path> tree = Files.walk(item.value())) {
                    for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
                removed.add(item.value());
            }
        }
        return removed;
    }

    /**
     * The same rule over the bucket's archives; one is verified when its {@code s3://} address, or
     * its name (the same file, uploaded), was verified by a test restore.
     */
    public static List<RemoteArchive> prune(OffsiteStore store, RetentionPolicy policy, Set<String> verified) {
        List<RetentionPolicy.Item<RemoteArchive>> items = new ArrayList<>();
        for (RemoteArchive archive : store.archives()) {
            items.add(new RetentionPolicy.Item<>(
                    archive,
                    archive.time(),
                    verified.contains(archive.address().toString()) || verified.contains(archive.name())));
        }
        Set<RemoteArchive> kept = policy.keep(items);
        List<RemoteArchive> removed = new ArrayList<>();
        for (RetentionPolicy.Item<RemoteArchive> item : items) {
            if (!kept.contains(item.value())) {
                store.delete(item.value().address());
                removed.add(item.value());
            }
        }
        return removed;
    }

    public static List<Path> archives(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.filter(BackupService::isArchiveName)
                    .filter(Files::isRegularFile)
                    .toList();
        }
    }

    /** The snapshot time in the archive's name; its file time when the name has none. */
    public static Instant archiveTime(Path archive) throws IOException {
        var stamp = BackupService.snapshotTime(archive.getFileName().toString());
        return stamp.isPresent()
                ? stamp.get()
                : Files.getLastModifiedTime(archive).toInstant();
    }

    static Instant folderTime(Path folder) throws IOException {
        Matcher m = FOLDER_STAMP.matcher(folder.getFileName().toString());
        if (m.matches()) {
            try {
                return LocalDateTime.parse(m.group(1), DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // fall through
            }
        }
        return Files.getLastModifiedTime(folder).toInstant();
    }
}
