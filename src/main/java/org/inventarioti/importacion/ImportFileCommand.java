package org.inventarioti.importacion;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.inventarioti.cli.CommandContext;
import org.inventarioti.cli.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "file",
        mixinStandardHelpOptions = true,
        description = {
            "Imports assets from a spreadsheet (CSV in UTF-8 or Windows-1252 with , ; or tab, or XLSX; up to 50 MB)"
                    + " into the configured database. Without --apply this is the preview: every row read, matched"
                    + " and validated, nothing written.",
            "Columns are mapped from their headers (Spanish, English, our own exports; spec.<key> columns fill"
                    + " especificaciones); --map overrides. The run is audited (one import event with the file's"
                    + " name and SHA-256) and keeps a per-row report (--report)."
        })
class ImportFileCommand implements Callable<Integer> {

    @Mixin
    CommandContext context;

    @Parameters(index = "0", paramLabel = "FILE", description = "The .csv or .xlsx file.")
    Path file;

    @Option(names = "--apply", description = "Write: without it nothing is written (the preview).")
    boolean apply;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            defaultValue = "both",
            description = "create (only new assets), update (only matched ones) or both (default).")
    String mode;

    @Option(
            names = "--match",
            paramLabel = "KEY",
            defaultValue = "numero_serie",
            description = "The match key: numero_serie (default) or codigo.")
    String match;

    @Option(
            names = "--skip-errors",
            description = "Write the valid rows and skip the refused ones (default: all-or-nothing).")
    boolean skipErrors;

    @Option(
            names = "--map",
            paramLabel = "HEADER=FIELD",
            description = "Map a column (repeatable): a field, spec.<key>, or nothing to ignore the column.")
    Map<String, String> map = new LinkedHashMap<>();

    @Option(names = "--report", paramLabel = "FILE", description = "Write the per-row report (CSV) to FILE.")
    Path report;

    @Option(names = "--json", description = "Print the result as JSON (progress goes to standard error).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = context.out();
        PrintWriter err = context.err();
        if (!Files.isRegularFile(file)) {
            throw context.usage("no such file: " + file);
        }
        OpcionesArchivo opciones;
        try {
            opciones = new OpcionesArchivo(
                    OpcionesArchivo.modo(mode), OpcionesArchivo.clave(match), !skipErrors, map, !apply);
        } catch (ImportacionRechazada e) {
            throw context.usage(e.getMessage());
        }
        PrintWriter progress = json ? err : out;
        ProgressBar bar = ProgressBar.on(progress);
        progress.println((apply ? "Importing " : "Previewing the import of ") + file.getFileName() + " ...");
        progress.flush();
        ImportacionArchivo importacion = context.bean(ImportacionArchivo.class);
        ResultadoArchivo r;
        long[] last = {0};
        try {
            r = importacion.ejecutar(
                    UUID.randomUUID(),
                    file,
                    file.getFileName().toString(),
                    opciones,
                    (done, total) -> {
                        if (bar.terminal()) {
                            bar.draw("rows ", done, total, done + "/" + total);
                        } else if (done - last[0] >= 10_000 || done == total) {
                            last[0] = done;
                            bar.line("  " + done + "/" + total + " rows");
                        }
                    },
                    report);
        } catch (ImportacionRechazada e) {
            if (bar.terminal()) {
                bar.clear();
            }
            err.println("import refused: " + e.getMessage());
            err.flush();
            return 1;
        }
        if (bar.terminal()) {
            bar.keep();
        }
        if (json) {
            out.println(context.bean(tools.jackson.databind.json.JsonMapper.class)
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(r));
        } else {
            imprimir(r, out);
        }
        out.flush();
        return r.rechazadas() == 0 || r.escrito() ? 0 : 1;
    }

    static void imprimir(ResultadoArchivo r, PrintWriter out) {
        out.println(
                (r.simulacion() ? "Import preview (nothing was written)" : "Import " + r.estado()) + ", run " + r.id());
        out.println("  file: " + r.archivo() + " (" + r.formato() + ", sha256 " + r.sha256() + ")");
        out.println("  mode: " + r.modo() + " by " + r.clave()
                + (r.todoONada() ? ", all-or-nothing" : ", skipping" + " rows in error"));
        out.println("  columns:");
        for (Mapeo.Columna c : r.columnas()) {
            out.println("    " + c.cabecera() + " -> " + (c.campo() == null ? "(ignored)" : c.campo())
                    + (c.secreto() ? " (names a secret: refused)" : ""));
        }
        out.printf(
                Locale.ROOT,
                "  rows: %d read, %d %s, %d %s, %d unchanged, %d refused%n",
                r.filas(),
                r.creadas(),
                r.simulacion() ? "to create" : "created",
                r.actualizadas(),
                r.simulacion() ? "to update" : "updated",
                r.sinCambios(),
                r.rechazadas());
        r.motivos().forEach((motivo, n) -> out.println("  refused (" + n + "): " + motivo));
        r.ejemplos().stream()
                .filter(e -> !e.problemas().isEmpty())
                .limit(20)
                .forEach(e -> out.println("  row " + e.fila() + ": "
                        + String.join(
                                "; ",
                                e.problemas().stream().map(Object::toString).toList())));
        r.avisos().forEach(a -> out.println("  warning: " + a));
        out.printf(Locale.ROOT, "  result: %s (%.1f s)%n", r.mensaje(), r.segundos());
    }
}
