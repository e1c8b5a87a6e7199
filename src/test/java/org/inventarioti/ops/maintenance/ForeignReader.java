package org.inventarioti.ops.maintenance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.inventarioti.ops.ExternalServer;

/**
 * A monthly report (another program, as the superuser) that opens a transaction reading
 * {@code activos} as soon as a new journal says the backup is done, and keeps it until closed.
 */
final class ForeignReader implements AutoCloseable {
    private final Thread thread;
    private final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    private final java.util.Set<Path> earlier;
    private final Path journals;
    private volatile boolean held;
    private volatile Exception failure;

    ForeignReader(String database, Path journals) throws java.io.IOException {
        this.journals = journals;
        this.earlier = journals();
        thread = new Thread(() -> {
            try {
                while (!backupDone()) {
                    if (release.await(50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                        return;
                    }
                }
                try (Connection report = ExternalServer.connect(database)) {
                    EmailProcedureIT.sql(report, "SET application_name = 'informe-mensual'");
                    report.setAutoCommit(false);
                    EmailProcedureIT.count(report, "SELECT count(*) FROM activos");
                    held = true;
                    release.await(10, java.util.concurrent.TimeUnit.MINUTES);
                    report.rollback();
                }
            } catch (Exception e) {
                failure = e;
            }
        });
        thread.start();
    }

    boolean held() {
        return held;
    }

    private java.util.Set<Path> journals() throws java.io.IOException {
        if (!Files.isDirectory(journals)) {
            return java.util.Set.of();
        }
        try (var list = Files.list(journals)) {
            return list.collect(java.util.stream.Collectors.toSet());
        }
    }

    private boolean backupDone() throws java.io.IOException {
        for (Path journal : journals()) {
            if (!earlier.contains(journal) && Files.readString(journal).contains("OK       backup")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws Exception {
        release.countDown();
        thread.join(60_000);
        if (failure != null) {
            throw failure;
        }
    }
}
