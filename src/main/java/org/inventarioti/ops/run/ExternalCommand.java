package org.inventarioti.ops.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external command (systemctl, a release's CLI) with a time limit, capturing its output. */
public final class ExternalCommand {

    /** A line of the application's log (Spring Boot's format: time, level, pid, …), not a message to the operator. */
    private static final java.util.regex.Pattern LOG_RECORD =
            java.util.regex.Pattern.compile("^\\d{4}-\\d{2}-\\d{2}[T ][0-9:.]+Z?\\s+(TRACE|DEBUG|INFO|WARN|ERROR)\\s");

    public record Result(int exit, String output) {
        public boolean ok() {
            return exit == 0;
        }

        /**
         * The last lines, for a journal entry or an error message: the command's own words (its
         * {@code error: …} line), not the framework's log records before them, when it printed any.
         */
        public String tail(int lines) {
            List<String> all = output.strip().lines().toList();
            List<String> words = all.stream()
                    .filter(line -> !LOG_RECORD.matcher(line).find())
                    .toList();
            if (!words.isEmpty() && !words.stream().allMatch(String::isBlank)) {
                all = words;
            }
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
    }

    private ExternalCommand() {}

    public static Result run(List<String> command, Duration timeout) {
        Path log = null;
        try {
            log = Files.createTempFile("inventario-cmd", ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            return finish(process, log, timeout);
        } catch (IOException e) {
            return new Result(127, "could not run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(130, "interrupted");
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // a temporary file; nothing to do
                }
            }
        }
    }

    /**
     * Starts {@code command} and waits until its output holds {@code ready} (a line the command
     * prints once it is ready and waits for a line on standard input): the process pays its JVM and
     * framework start now, before the caller stops anything. Empty when it exited or did not get
     * ready within {@code timeout} (it is then stopped); the reason is in {@link Started#notReady}.
     */
    public static Started start(List<String> command, String ready, Duration timeout) {
        Started started = new Started(command);
        started.awaitReady(ready, timeout);
        return started;
    }

    /** A command started ahead of its turn: {@link #go} lets it run, {@link #abandon} ends it unrun. */
    public static final class Started {
        private final List<String> command;
        private Process process;
        private Path log;
        private String notReady;

        private Started(List<String> command) {
            this.command = command;
        }

        private void awaitReady(String ready, Duration timeout) {
            try {
                log = Files.createTempFile("inventario-cmd", ".log");
                process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                long deadline = System.nanoTime() + timeout.toNanos();
                while (!Files.readString(log).contains(ready)) {
                    if (!process.isAlive()) {
                        notReady = "it exited (" + process.exitValue() + ") before it was ready: "
                                + new Result(process.exitValue(), Files.readString(log)).tail(3);
                        return;
                    }
                    if (System.nanoTime() > deadline) {
                        notReady = "not ready within " + timeout.toSeconds() + " s";
                        abandon();
                        return;
                    }
                    Thread.sleep(50);
                }
            } catch (IOException e) {
                notReady = "could not run " + command.get(0) + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                notReady = "interrupted";
                abandon();
            }
        }

        /** Null when ready; otherwise why not (the caller then runs the command the ordinary way). */
        public String notReady() {
            return notReady;
        }

        /** Tells the ready process to go on and waits for it to finish. */
        public Result go(Duration timeout) {
            try {
                try (var in = process.getOutputStream()) {
                    in.write("go\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                }
                return finish(process, log, timeout);
            } catch (IOException e) {
                return new Result(127, "could not tell " + command.get(0) + " to go on: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(130, "interrupted");
            } finally {
                deleteLog();
            }
        }

        /** Ends the process without letting it run (end of input; killed if it does not exit in 10 s). */
        public void abandon() {
            if (process != null && process.isAlive()) {
                try {
                    process.getOutputStream().close();
                    if (!process.waitFor(10, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (IOException e) {
                    process.destroyForcibly();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    process.destroyForcibly();
                }
            }
            deleteLog();
        }

        private void deleteLog() {
            try {
                if (log != null) {
                    Files.deleteIfExists(log);
                }
            } catch (IOException ignored) {
                // a temporary file; nothing to do
            }
        }
    }

    /** Waits for {@code process}; past {@code timeout} it and its children are killed (exit 124). */
    private static Result finish(Process process, Path log, Duration timeout) throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            return new Result(124, Files.readString(log) + "\n(timed out after " + timeout.toSeconds() + " s)");
        }
        return new Result(process.exitValue(), Files.readString(log));
    }

    /** {@code java -jar <release jar> args…}, with the same Java as this process. */
    public static List<String> cli(Path jar, String... args) {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return command;
    }
}
