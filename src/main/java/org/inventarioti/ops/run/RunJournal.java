package org.inventarioti.ops.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The journal of a run: every step with its time, result, duration and figures, appended to a file
 * as it happens (so a crash leaves the story up to that point) and printed as a summary at the end.
 * In a dry run nothing is written and only the steps marked as checks really run.
 */
public final class RunJournal {

    enum Outcome {
        OK,
        FAILED,
        SKIPPED,
        PLANNED
    }

    record Entry(int number, String step, Outcome outcome, Duration duration, String detail) {
        String line() {
            return String.format(
                    "%2d. %-8s %-28s %7.1f s  %s",
                    number, outcome, step, duration.toMillis() / 1000.0, detail == null ? "" : detail);
        }
    }

    private final Path file;
    private final PrintWriter out;
    private final boolean dryRun;
    private final Clock clock;
    private final List<Entry> entries = new ArrayList<>();
    private final Instant start;

    public RunJournal(Path file, PrintWriter out, boolean dryRun, Clock clock) {
        this.file = file;
        this.out = out;
        this.dryRun = dryRun;
        this.clock = clock;
        this.start = clock.instant();
    }

    public Path file() {
        return file;
    }

    /** A step that changes something: in a dry run it is only printed. */
    public <T> T step(String name, String description, Callable<T> action) {
        return run(name, description, action, false);
    }

    /** A step that only looks (preflight, locks): it runs in a dry run too. */
    public <T> T check(String name, String description, Callable<T> action) {
        return run(name, description, action, true);
    }

    private <T> T run(String name, String description, Callable<T> action, boolean alsoInDryRun) {
        int number = entries.size() + 1;
        if (dryRun && !alsoInDryRun) {
            record(new Entry(number, name, Outcome.PLANNED, Duration.ZERO, description));
            return null;
        }
        out.printf("%2d. %s: %s ...%n", number, name, description);
        out.flush();
        long started = System.nanoTime();
        try {
            T result = action.call();
            record(new Entry(
                    number, name, Outcome.OK, Duration.ofNanos(System.nanoTime() - started), String.valueOf(result)));
            return result;
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            record(new Entry(number, name, Outcome.FAILED, Duration.ofNanos(System.nanoTime() - started), message));
            throw new StepFailed(name, message, e);
        }
    }

    public void skipped(String name, String reason) {
        record(new Entry(entries.size() + 1, name, Outcome.SKIPPED, Duration.ZERO, reason));
    }

    public void note(String text) {
        write(clock.instant() + "  NOTE  " + text);
        out.println("    " + text);
        out.flush();
    }

    private void record(Entry entry) {
        entries.add(entry);
        write(clock.instant() + "  " + entry.line());
        if (dryRun) {
            out.println(entry.line());
        } else {
            out.println("    -> " + entry.outcome() + " (" + entry.duration().toMillis() + " ms)"
                    + (entry.outcome() == Outcome.FAILED ? ": " + entry.detail() : ""));
        }
        out.flush();
    }

    private void write(String line) {
        if (dryRun || file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    line + System.lineSeparator(),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the journal " + file, e);
        }
    }

    /** Prints (and journals) the summary; returns the whole duration. */
    public Duration summary(String title, String conclusion) {
        Duration total = Duration.between(start, clock.instant());
        out.println();
        out.println(title + (dryRun ? " (dry run: nothing was changed)" : ""));
        entries.forEach(e -> out.println("  " + e.line()));
        out.printf("  total %.1f s: %s%n", total.toMillis() / 1000.0, conclusion);
        if (!dryRun && file != null) {
            out.println("  journal: " + file);
        }
        write(clock.instant() + "  SUMMARY " + conclusion + " (total " + total.toMillis() + " ms)");
        out.flush();
        return total;
    }

    /** A step failed; {@link #step} names it. */
    public static final class StepFailed extends RuntimeException {
        private final String step;

        public StepFailed(String step, String message, Throwable cause) {
            super(step + ": " + message, cause);
            this.step = step;
        }

        public String step() {
            return step;
        }
    }
}
