package org.inventarioti.ops.restore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.inventarioti.config.Database;
import org.inventarioti.ops.archive.Catalog;

/**
 * Runs tasks on several connections to the target, like {@code pg_restore -j}: each worker thread
 * owns one connection, and a task may queue follow-up tasks (a table's index builds once its data
 * is committed). The first failure stops every worker from taking new tasks; {@link #run} closes all
 * connections and rethrows it. Only the staging schema is touched, so whatever the workers
 * committed disappears with it when the restore fails.
 */
final class ParallelWork {

    interface Task {
        void run(Connection connection, ParallelWork work) throws Exception;
    }

    private final Database database;
    private final String schema;
    private final int workers;
    private final Deque<Task> queue = new ArrayDeque<>();
    private int pending;
    private Throwable failure;

    ParallelWork(Database database, String schema, int workers) {
        this.database = database;
        this.schema = schema;
        this.workers = Math.max(1, workers);
    }

    /** Queues a task; callable from a running task. */
    synchronized void add(Task task) {
        pending++;
        queue.addLast(task);
        notifyAll();
    }

    /** Runs every queued task (and those they queue) and returns when all are done, or throws the first failure. */
    void run() throws Exception {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Thread thread = new Thread(this::work, "restore-worker-" + (i + 1));
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Throwable cause = failure;
        if (cause instanceof Exception e) {
            throw e;
        }
        if (cause instanceof Error e) {
            throw e;
        }
    }

    private void work() {
        try (Connection connection = database.connect()) {
            try (var statement = connection.createStatement()) {
                // The same search path as the connection that read the index and constraint definitions.
                statement.execute("SET search_path TO " + Catalog.quote(schema));
                // Safe: the schema swap commits synchronously, which flushes the WAL written before it.
                statement.execute("SET synchronous_commit TO off");
            }
            Task task;
            while ((task = next()) != null) {
                try {
                    task.run(connection, this);
                } finally {
                    done();
                }
            }
        } catch (Throwable e) {
            fail(e);
        }
    }

    private synchronized Task next() throws InterruptedException {
        while (failure == null && pending > 0) {
            Task task = queue.pollFirst();
            if (task != null) {
                return task;
            }
            wait();
        }
        return null;
    }

    private synchronized void done() {
        pending--;
        notifyAll();
    }

    private synchronized void fail(Throwable e) {
        if (failure == null) {
            failure = e;
        } else if (failure != e) {
            failure.addSuppressed(e);
        }
        notifyAll();
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
