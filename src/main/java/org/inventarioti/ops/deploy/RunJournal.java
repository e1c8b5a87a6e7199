package org.inventarioti.ops.deploy;

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
final class RunJournal {

    enum Resultado {
        OK,
        FAILED,
        SKIPPED,
        PLANNED
    }

    record Entrada(int numero, String paso, Resultado resultado, Duration duracion, String detalle) {
        String linea() {
            return String.format(
                    "%2d. %-8s %-28s %7.1f s  %s",
                    numero, resultado, paso, duracion.toMillis() / 1000.0, detalle == null ? "" : detalle);
        }
    }

    private final Path file;
    private final PrintWriter out;
    private final boolean dryRun;
    private final Clock clock;
    private final List<Entrada> entradas = new ArrayList<>();
    private final Instant inicio;

    RunJournal(Path file, PrintWriter out, boolean dryRun, Clock clock) {
        this.file = file;
        this.out = out;
        this.dryRun = dryRun;
        this.clock = clock;
        this.inicio = clock.instant();
    }

    Path file() {
        return file;
    }

    /** A step that changes something: in a dry run it is only printed. */
    <T> T paso(String nombre, String descripcion, Callable<T> accion) {
        return ejecutar(nombre, descripcion, accion, false);
    }

    /** A step that only looks (preflight, locks): it runs in a dry run too. */
    <T> T comprobacion(String nombre, String descripcion, Callable<T> accion) {
        return ejecutar(nombre, descripcion, accion, true);
    }

    private <T> T ejecutar(String nombre, String descripcion, Callable<T> accion, boolean alsoInDryRun) {
        int numero = entradas.size() + 1;
        if (dryRun && !alsoInDryRun) {
            registrar(new Entrada(numero, nombre, Resultado.PLANNED, Duration.ZERO, descripcion));
            return null;
        }
        out.printf("%2d. %s: %s ...%n", numero, nombre, descripcion);
        out.flush();
        long start = System.nanoTime();
        try {
            T result = accion.call();
            registrar(new Entrada(
                    numero, nombre, Resultado.OK, Duration.ofNanos(System.nanoTime() - start), String.valueOf(result)));
            return result;
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            registrar(new Entrada(
                    numero, nombre, Resultado.FAILED, Duration.ofNanos(System.nanoTime() - start), message));
            throw new PasoFallido(nombre, message, e);
        }
    }

    void omitido(String nombre, String motivo) {
        registrar(new Entrada(entradas.size() + 1, nombre, Resultado.SKIPPED, Duration.ZERO, motivo));
    }

    void nota(String texto) {
        escribir(clock.instant() + "  NOTE  " + texto);
        out.println("    " + texto);
        out.flush();
    }

    private void registrar(Entrada entrada) {
        entradas.add(entrada);
        escribir(clock.instant() + "  " + entrada.linea());
        if (dryRun) {
            out.println(entrada.linea());
        } else {
            out.println(
                    "    -> " + entrada.resultado() + " (" + entrada.duracion().toMillis() + " ms)"
                            + (entrada.resultado() == Resultado.FAILED ? ": " + entrada.detalle() : ""));
        }
        out.flush();
    }

    private void escribir(String line) {
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

    List<Entrada> entradas() {
        return List.copyOf(entradas);
    }

    /** Prints (and journals) the summary; returns the whole duration. */
    Duration resumen(String titulo, String conclusion) {
        Duration total = Duration.between(inicio, clock.instant());
        out.println();
        out.println(titulo + (dryRun ? " (dry run: nothing was changed)" : ""));
        entradas.forEach(e -> out.println("  " + e.linea()));
        out.printf("  total %.1f s: %s%n", total.toMillis() / 1000.0, conclusion);
        if (!dryRun && file != null) {
            out.println("  journal: " + file);
        }
        escribir(clock.instant() + "  SUMMARY " + conclusion + " (total " + total.toMillis() + " ms)");
        out.flush();
        return total;
    }

    static final class PasoFallido extends RuntimeException {
        final String paso;

        PasoFallido(String paso, String message, Throwable cause) {
            super(paso + ": " + message, cause);
            this.paso = paso;
        }
    }
}
