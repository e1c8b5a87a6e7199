package org.inventarioti.ops.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external command (systemctl, a release's CLI) with a time limit, capturing its output. */
public final class ExternalCommand {

    public record Result(int exit, String output) {
        public boolean ok() {
            return exit == 0;
        }

        /** The last lines, for a journal entry or an error message. */
        public String tail(int lines) {
            List<String> all = output.strip().lines().toList();
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
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return new Result(124, Files.readString(log) + "\n(timed out after " + timeout.toSeconds() + " s)");
            }
            return new Result(process.exitValue(), Files.readString(log));
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
