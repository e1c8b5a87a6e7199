package org.inventarioti.ops.archive;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A second thread for the CPU work of a member (SHA-256, row count, deflate, file write), so the
 * thread receiving COPY never waits for it. Bytes travel in a fixed pool of buffers: when the
 * worker falls behind, the writer blocks, so memory stays at {@link #CHUNKS} × {@link #CHUNK}
 * whatever the table's size. A failure in the worker is rethrown to the writer on its next write
 * and when the member ends.
 */
final class HandOff implements AutoCloseable {

    static final int CHUNK = 1 << 18;
    static final int CHUNKS = 4;

    interface Sink {
        void accept(byte[] buffer, int length) throws IOException;
    }

    private record Job(byte[] buffer, int length, Sink sink, CountDownLatch end) {}

    private static final Job STOP = new Job(null, 0, null, null);

    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
    private final BlockingQueue<Job> jobs = new ArrayBlockingQueue<>(CHUNKS + 2);
    private final Thread worker;
    private volatile Throwable failure;

    HandOff(String name) {
        for (int i = 0; i < CHUNKS; i++) {
            free.add(new byte[CHUNK]);
        }
        worker = new Thread(this::work, name);
        worker.setDaemon(true);
        worker.start();
    }

    /** A stream whose bytes reach {@code sink} on the worker, in order; {@link Stream#finish} waits for them. */
    Stream open(Sink sink) throws IOException {
        return new Stream(sink);
    }

    private void work() {
        try {
            while (true) {
                Job job = jobs.take();
                if (job == STOP) {
                    return;
                }
                if (job.end() != null) {
                    job.end().countDown();
                    continue;
                }
                if (failure == null) {
                    try {
                        job.sink().accept(job.buffer(), job.length());
                    } catch (Throwable e) {
                        failure = e;
                    }
                }
                free.add(job.buffer());
            }
        } catch (InterruptedException e) {
            // aborted: the archive is being discarded
        }
    }

    private void checkWorker() throws IOException {
        Throwable cause = failure;
        if (cause != null) {
            throw new IOException("writing the archive failed: " + cause.getMessage(), cause);
        }
        if (!worker.isAlive()) {
            throw new IOException("the archive's writer thread has stopped");
        }
    }

    private byte[] takeFree() throws IOException {
        try {
            while (true) {
                checkWorker();
                byte[] buffer = free.poll(100, TimeUnit.MILLISECONDS);
                if (buffer != null) {
                    return buffer;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the archive");
        }
    }

    private void submit(Job job) throws IOException {
        try {
            jobs.put(job); // never waits long: at most CHUNKS buffers and one end marker are queued
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the archive");
        }
    }

    /** Stops the worker; waits for it so nothing touches the archive afterwards. */
    @Override
    public void close() {
        if (!jobs.offer(STOP)) {
            worker.interrupt();
        }
        join();
    }

    /** Stops the worker at once (the archive is abandoned), even in the middle of a member. */
    void abort() {
        worker.interrupt();
        join();
    }

    private void join() {
        boolean interrupted = false;
        while (worker.isAlive()) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    final class Stream extends OutputStream {
        private final Sink sink;
        private byte[] buffer;
        private int length;

        private Stream(Sink sink) throws IOException {
            this.sink = sink;
            this.buffer = takeFree();
        }

        @Override
        public void write(int b) throws IOException {
            if (length == CHUNK) {
                handOver();
            }
            buffer[length++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int count) throws IOException {
            while (count > 0) {
                if (length == CHUNK) {
                    handOver();
                }
                int n = Math.min(count, CHUNK - length);
                System.arraycopy(bytes, offset, buffer, length, n);
                length += n;
                offset += n;
                count -= n;
            }
        }

        private void handOver() throws IOException {
            submit(new Job(buffer, length, sink, null));
            buffer = null;
            length = 0;
            buffer = takeFree();
        }

        /** Hands over the rest and waits until the worker has processed every byte written. */
        void finish() throws IOException {
            if (length > 0) {
                submit(new Job(buffer, length, sink, null));
            } else {
                free.add(buffer);
            }
            buffer = null;
            CountDownLatch end = new CountDownLatch(1);
            submit(new Job(null, 0, null, end));
            try {
                while (!end.await(100, TimeUnit.MILLISECONDS)) {
                    checkWorker();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while writing the archive");
            }
            checkWorker();
        }

        @Override
        public void close() {
            // the member ends with finish(), the archive does not end here
        }
    }
}
