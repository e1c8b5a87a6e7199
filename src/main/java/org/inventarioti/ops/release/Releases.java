package org.inventarioti.ops.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The release tree under the deploy root: {@code releases/<version>/}, the {@code current} link
 * (the release that passed readiness and smoke) and the {@code candidate} link (one being tried).
 * Links change by atomic rename, so a crash never leaves a half-written link.
 */
public final class Releases {

    public static final String BUILD_INFO = "META-INF/build-info.properties";

    private final Path root;

    public Releases(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Optional<Release> current() {
        return linked("current");
    }

    public Optional<Release> candidate() {
        return linked("candidate");
    }

    private Optional<Release> linked(String name) {
        Path link = root.resolve(name);
        if (!Files.isSymbolicLink(link) || !Files.isDirectory(link)) {
            return Optional.empty();
        }
        try {
            Path target = link.toRealPath();
            return Optional.of(new Release(target.getFileName().toString(), target));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public Path dir(String version) {
        return root.resolve("releases").resolve(version);
    }

    public Optional<Release> installed(String version) {
        Path dir = dir(version);
        return Files.isRegularFile(dir.resolve("inventario.jar"))
                ? Optional.of(new Release(version, dir))
                : Optional.empty();
    }

    /** Copies {@code jar} into {@code releases/<version>/} (reused when the same jar is already there). */
    public Release install(Path jar) {
        String version = version(jar);
        Path dir = dir(version);
        try {
            if (Files.exists(dir)) {
                if (Files.isRegularFile(dir.resolve("inventario.jar"))
                        && sha256(dir.resolve("inventario.jar")).equals(sha256(jar))) {
                    return new Release(version, dir);
                }
                throw new IllegalStateException("Release " + version + " is already installed in " + dir
                        + " with a different jar; remove it or build another version");
            }
            Files.createDirectories(dir.getParent());
            Path staging = dir.resolveSibling("." + version + ".tmp-" + UUID.randomUUID());
            Files.createDirectories(staging.resolve("bin"));
            Files.copy(jar, staging.resolve("inventario.jar"));
            writeExecutable("release-bin-inventario", staging.resolve("bin/inventario"));
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            return new Release(version, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not install " + jar + " into " + dir, e);
        }
    }

    /** Writes the launcher systemd runs ({@code inventario-start}), so it always matches this release. */
    public void writeLauncher() {
        try {
            Files.createDirectories(root);
            Path temporary = root.resolve(".inventario-start.tmp");
            writeExecutable("inventario-start", temporary);
            Files.move(
                    temporary,
                    root.resolve("inventario-start"),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the launcher into " + root, e);
        }
    }

    public void pointCandidate(Release release) {
        link("candidate", release);
    }

    public void removeCandidate() {
        try {
            Files.deleteIfExists(root.resolve("candidate"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void promote(Release release) {
        link("current", release);
    }

    private void link(String name, Release release) {
        try {
            Path temporary = root.resolve("." + name + ".tmp-" + UUID.randomUUID());
            Files.createSymbolicLink(temporary, root.relativize(release.dir()));
            Files.move(
                    temporary, root.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not point " + name + " at " + release.dir(), e);
        }
    }

    /** Removes all but the {@code keep} newest releases, never the current or the candidate one. */
    public List<Path> prune(int keep) {
        Path releases = root.resolve("releases");
        if (!Files.isDirectory(releases)) {
            return List.of();
        }
        List<Path> protectedDirs = new ArrayList<>();
        current().ifPresent(r -> protectedDirs.add(r.dir()));
        candidate().ifPresent(r -> protectedDirs.add(r.dir()));
        try (Stream<Path> dirs = Files.list(releases)) {
            List<Path> sorted = dirs.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(Releases::modified).reversed())
                    .toList();
            List<Path> removed = new ArrayList<>();
            for (int i = keep; i < sorted.size(); i++) {
                Path dir = sorted.get(i);
                if (!protectedDirs.contains(dir.toRealPath())) {
                    delete(dir);
                    removed.add(dir);
                }
            }
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path dir) {
        try {
            return Files.getLastModifiedTime(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The release version recorded in the jar's build-info. */
    public static String version(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            var entry = zip.getEntry(BUILD_INFO);
            if (entry == null) {
                entry = zip.getEntry("BOOT-INF/classes/" + BUILD_INFO);
            }
            if (entry == null) {
                throw new IllegalArgumentException(jar + " is not an Inventario-TI release jar (no build-info)");
            }
            Properties properties = new Properties();
            try (InputStream in = zip.getInputStream(entry)) {
                properties.load(in);
            }
            String version = properties.getProperty("build.version");
            if (version == null || !version.matches("[A-Za-z0-9._+-]+")) {
                throw new IllegalArgumentException(jar + " has no usable build.version");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeExecutable(String resource, Path target) throws IOException {
        try (InputStream in = Releases.class.getResourceAsStream("/despliegue/" + resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
