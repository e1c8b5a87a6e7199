package org.inventarioti.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged jar and the shell scripts as an operator would, with a time limit. */
public final class Processes {

    public static final Path ROOT = Path.of("").toAbsolutePath();
    public static final Path JAR = ROOT.resolve("target/inventario.jar");

    private Processes() {}

    public record Result(int exit, String output) {}

    /** Runs to completion; the environment is the test's minus database and secret settings, plus {@code env}. */
    public static Result run(List<String> command, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("inventario-process", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(ROOT.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment()
                    .keySet()
                    .removeIf(key -> key.startsWith("DB_")
                            || key.equals("JWT_SECRET")
                            || key.startsWith("INVENTARIO_")
                            || key.equals("SENTRY_DSN"));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(
                        command + " did not finish within " + timeout + ":\n" + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
