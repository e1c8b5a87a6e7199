package org.inventarioti.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 17 whose data lives in a directory of ours. A second process (the CLI
 * while the server runs) attaches to the running server through the port recorded in {@code
 * postmaster.pid} instead of starting another one; a server left running by a process that died
 * is stopped and started again under our control.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "inventario";
    public static final String USER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final Path dataDir;
    private final int port;
    private final EmbeddedPostgres owned;

    private EmbeddedPostgresServer(Path dataDir, int port, EmbeddedPostgres owned) {
        this.dataDir = dataDir;
        this.port = port;
        this.owned = owned;
    }

    /** Starts the server on {@code dataDir}, or attaches to the one already serving it. */
    public static EmbeddedPostgresServer startOrAttach(Path dataDir, int port, boolean durable) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            Optional<Integer> running = runningPort(dir);
            if (running.isPresent() && ownedByLiveProcess(dir)) {
                return attached(dir, running.get());
            }
            running.ifPresent(p -> stopOrphan(dir));
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(dir, 0, start(dir, port, durable));
            server.createDatabaseIfMissing();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    private static EmbeddedPostgres start(Path dir, int port, boolean durable) throws IOException {
        Path log = dir.resolveSibling(dir.getFileName() + ".log");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // zonky starts postgres with fsync off; the product's data must survive a power cut.
        builder.setServerConfig("fsync", durable ? "on" : "off");
        builder.setServerConfig("synchronous_commit", durable ? "on" : "off");
        builder.setServerConfig("full_page_writes", durable ? "on" : "off");
        return builder.start();
    }

    private static EmbeddedPostgresServer attached(Path dir, int port) {
        log.info("Attaching to the embedded PostgreSQL already serving {} on port {}", dir, port);
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(dir, port, null);
        server.createDatabaseIfMissing();
        return server;
    }

    /** The port from {@code postmaster.pid} when its process is alive. */
    static Optional<Integer> runningPort(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 4) {
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.get(0).trim());
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return Optional.of(Integer.parseInt(lines.get(3).trim()));
        }
        return Optional.empty();
    }

    /** zonky holds a lock on {@code epg-lock} for as long as the process that started it lives. */
    private static boolean ownedByLiveProcess(Path dir) throws IOException {
        try (FileChannel channel =
                        FileChannel.open(dir.resolve("epg-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return true;
        }
    }

    private static void stopOrphan(Path dir) {
        try {
            long pid = Long.parseLong(
                    Files.readAllLines(dir.resolve("postmaster.pid")).get(0).trim());
            ProcessHandle.of(pid).ifPresent(process -> {
                log.warn("Stopping an embedded PostgreSQL (pid {}) left running by a process that died", pid);
                process.destroy();
                process.onExit()
                        .orTimeout(60, java.util.concurrent.TimeUnit.SECONDS)
                        .join();
            });
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("An orphaned PostgreSQL holds " + dir + "; stop it and retry", e);
        }
    }

    private void createDatabaseIfMissing() {
        try (var connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
                var statement = connection.createStatement()) {
            var rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!rs.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare database " + DATABASE + " in " + dataDir, e);
        }
    }

    public int port() {
        return owned != null ? owned.getPort() : port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public boolean ownsServer() {
        return owned != null;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /** The application's database on this server, as the application connects to it. */
    public Database database() {
        return new Database(jdbcUrl() + "?ApplicationName=inventario-ti", USER, null);
    }

    @Override
    public void close() {
        if (owned == null) {
            return;
        }
        try {
            owned.close();
            log.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
