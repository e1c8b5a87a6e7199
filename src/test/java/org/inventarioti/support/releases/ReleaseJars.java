package org.inventarioti.support.releases;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.inventarioti.support.Processes;

/**
 * Makes "the next release" from the packaged jar: the same build with another version in its
 * build-info, optionally with extra classpath files (a test-only migration, a smoke breaker).
 * Nested jars stay STORED, as Spring Boot's loader needs them.
 */
public final class ReleaseJars {

    private static final String BUILD_INFO = "META-INF/build-info.properties";

    private ReleaseJars() {}

    public static Path relabel(Path target, String version, Map<String, byte[]> extra) throws IOException {
        Files.createDirectories(target.getParent());
        Map<String, byte[]> added = new LinkedHashMap<>(extra);
        try (ZipFile source = new ZipFile(Processes.JAR.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry : java.util.Collections.list(source.entries())) {
                byte[] content;
                try (InputStream in = source.getInputStream(entry)) {
                    content = in.readAllBytes();
                }
                if (entry.getName().endsWith(BUILD_INFO)) {
                    content = new String(content, java.nio.charset.StandardCharsets.ISO_8859_1)
                            .replaceAll("build.version=.*", "build.version=" + version)
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                }
                if (added.containsKey(entry.getName())) {
                    content = added.remove(entry.getName());
                }
                write(out, entry.getName(), content, entry.getMethod(), entry.getTime());
            }
            for (var file : added.entrySet()) {
                write(out, file.getKey(), file.getValue(), ZipEntry.DEFLATED, System.currentTimeMillis());
            }
        }
        return target;
    }

    /** The classes and configuration that make {@link testrelease.SmokeBreaker} part of a release. */
    public static Map<String, byte[]> smokeBreaker() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Path classes = Path.of("target/test-classes/testrelease");
        try (var list = Files.list(classes)) {
            for (Path file : list.filter(p -> p.getFileName().toString().startsWith("SmokeBreaker"))
                    .toList()) {
                files.put("BOOT-INF/classes/testrelease/" + file.getFileName(), Files.readAllBytes(file));
            }
        }
        files.put(
                "BOOT-INF/classes/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports",
                (testrelease.SmokeBreaker.class.getName() + "\n").getBytes());
        return files;
    }

    /** A test-only migration from src/test/resources, added to the release's db/migration. */
    public static Map<String, byte[]> migration(String resource) throws IOException {
        Path file = Path.of("src/test/resources").resolve(resource);
        return Map.of("BOOT-INF/classes/db/migration/" + file.getFileName(), Files.readAllBytes(file));
    }

    private static void write(ZipOutputStream out, String name, byte[] content, int method, long time)
            throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(time);
        entry.setMethod(method);
        if (method == ZipEntry.STORED) {
            CRC32 crc = new CRC32();
            crc.update(content);
            entry.setSize(content.length);
            entry.setCompressedSize(content.length);
            entry.setCrc(crc.getValue());
        }
        out.putNextEntry(entry);
        out.write(content);
        out.closeEntry();
    }
}
