package org.inventarioti.ops.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external command (systemctl, a release's CLI) with a time limit, capturing its output. */
final class ExternalCommand {

    record Salida(int exit, String output) {
        boolean ok() {
            return exit == 0;
        }

        /** The last lines, for a journal entry or an error message. */
        String cola(int lines) {
            List<String> all = output.strip().lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
    }

    private ExternalCommand() {}

    static Salida ejecutar(List<String> command, Duration timeout) {
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
                return new Salida(124, Files.readString(log) + "\n(timed out after " + timeout.toSeconds() + " s)");
            }
            return new Salida(process.exitValue(), Files.readString(log));
        } catch (IOException e) {
            return new Salida(127, "could not run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Salida(130, "interrupted");
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
    static List<String> cli(Path jar, String... args) {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return command;
    }
}
