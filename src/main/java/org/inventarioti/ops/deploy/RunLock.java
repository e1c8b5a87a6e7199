package org.inventarioti.ops.deploy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javax.sql.DataSource;
import org.inventarioti.ops.migrate.AdvisoryLock;

/**
 * One deploy or maintenance run at a time (guarantee 6): a PostgreSQL advisory lock, seen by every
 * host using the database, and a lock file in the deploy root, seen by every process on this host.
 * Both are released when the process dies.
 */
final class RunLock implements AutoCloseable {

    static final String ARCHIVO = ".maintenance.lock";

    private final AdvisoryLock bloqueo;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(AdvisoryLock bloqueo, FileChannel channel, FileLock lock) {
        this.bloqueo = bloqueo;
        this.channel = channel;
        this.lock = lock;
    }

    static RunLock tomar(DataSource dataSource, Path root) {
        AdvisoryLock bloqueo = AdvisoryLock.intentar(dataSource, AdvisoryLock.MANTENIMIENTO)
                .orElseThrow(() -> new IllegalStateException(
                        "another deploy or maintenance run holds the database lock; nothing was changed"));
        try {
            Files.createDirectories(root);
            FileChannel channel =
                    FileChannel.open(root.resolve(ARCHIVO), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                bloqueo.close();
                throw new IllegalStateException(
                        "another deploy or maintenance run holds " + root.resolve(ARCHIVO) + "; nothing was changed");
            }
            return new RunLock(bloqueo, channel, lock);
        } catch (IOException e) {
            bloqueo.close();
            throw new IllegalStateException("cannot lock " + root.resolve(ARCHIVO) + ": " + e.getMessage(), e);
        }
    }

    /** For a dry run: says whether a real run could take both locks, taking and creating nothing lasting. */
    static String comprobar(DataSource dataSource, Path root) {
        AdvisoryLock.intentar(dataSource, AdvisoryLock.MANTENIMIENTO)
                .orElseThrow(
                        () -> new IllegalStateException("another deploy or maintenance run holds the database lock"))
                .close();
        Path file = root.resolve(ARCHIVO);
        if (Files.exists(file)) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                FileLock lock = tryLock(channel);
                if (lock == null) {
                    throw new IllegalStateException("another deploy or maintenance run holds " + file);
                }
                lock.release();
            } catch (IOException e) {
                throw new IllegalStateException("cannot check " + file + ": " + e.getMessage(), e);
            }
        }
        return "no other run in progress";
    }

    @Override
    public String toString() {
        return "database advisory lock and " + ARCHIVO + " held";
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // closing the channel or ending the process releases it anyway
        }
        bloqueo.close();
    }
}
