package org.inventarioti.ops.run;

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

    static final String FILE = ".maintenance.lock";

    private final AdvisoryLock advisoryLock;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(AdvisoryLock advisoryLock, FileChannel channel, FileLock lock) {
        this.advisoryLock = advisoryLock;
        this.channel = channel;
        this.lock = lock;
    }

    static RunLock take(DataSource dataSource, Path root) {
        AdvisoryLock advisoryLock = AdvisoryLock.tryTake(dataSource, AdvisoryLock.MAINTENANCE_RUN)
                .orElseThrow(() -> new IllegalStateException(
                        "another deploy or maintenance run holds the database lock; nothing was changed"));
        try {
            Files.createDirectories(root);
            FileChannel channel =
                    FileChannel.open(root.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                advisoryLock.close();
                throw new IllegalStateException(
                        "another deploy or maintenance run holds " + root.resolve(FILE) + "; nothing was changed");
            }
            return new RunLock(advisoryLock, channel, lock);
        } catch (IOException e) {
            advisoryLock.close();
            throw new IllegalStateException("cannot lock " + root.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    /** For a dry run: says whether a real run could take both locks, taking and creating nothing lasting. */
    static String check(DataSource dataSource, Path root) {
        AdvisoryLock.tryTake(dataSource, AdvisoryLock.MAINTENANCE_RUN)
                .orElseThrow(
                        () -> new IllegalStateException("another deploy or maintenance run holds the database lock"))
                .close();
        Path file = root.resolve(FILE);
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
        return "database advisory lock and " + FILE + " held";
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
        advisoryLock.close();
    }
}
