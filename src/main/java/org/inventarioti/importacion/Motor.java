package org.inventarioti.importacion;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.inventarioti.config.Database;

/**
 * The source-neutral part of every import (the original's database today, CSV/XLSX files next):
 * an empty target or a refusal naming what is there, the schema created when missing, one
 * transaction holding the target's tables, rows written table by table through COPY — or, for the
 * preview, formatted the same way and discarded, so the preview is the run — one audit event per
 * imported row, sequences past the imported ids, the commit, and the report.
 */
final class Motor {

    /** What one kind of source does: read, map, validate and write its tables through the motor. */
    interface Pasos {
        /** Answers the accounts imported, for the report. */
        List<Informe.Usuario> escribir(Motor motor) throws Exception;
    }

    interface Tabla {
        void escribir(CopyCsv copy) throws Exception;
    }

    private final Destino destino;
    private final Contexto ctx;
    private final PrintWriter log;
    private final long started;
    private final List<Destino.Categoria> categorias;

    private Motor(Destino destino, Contexto ctx, PrintWriter log, long started, List<Destino.Categoria> categorias) {
        this.destino = destino;
        this.ctx = ctx;
        this.log = log;
        this.started = started;
        this.categorias = categorias;
    }

    static Informe ejecutar(
            String origen,
            Database database,
            Contexto ctx,
            ImportacionLegado.Migracion migracion,
            PrintWriter log,
            Pasos pasos) {
        long started = System.nanoTime();
        try (Destino destino = Destino.abrir(database)) {
            preparar(destino, ctx, migracion, log);
            List<Destino.Categoria> categorias =
                    destino.tieneEsquema() ? destino.categorias(ctx.json) : Destino.categoriasSemilla(ctx.json);
            if (!ctx.simulacion) {
                destino.empezar();
                List<String> there = destino.contenido();
                if (!there.isEmpty()) {
                    throw new ImportacionRechazada("the target " + destino.describir() + " is not empty ("
                            + String.join(", ", there) + "); nothing was changed");
                }
            }
            Motor motor = new Motor(destino, ctx, log, started, categorias);
            List<Informe.Usuario> cuentas = pasos.escribir(motor);
            Map<String, Long> held = Map.of();
            if (!ctx.simulacion) {
                motor.paso("sequences, commit");
                destino.secuencias();
                held = destino.conteos();
                destino.confirmar();
            }
            return new Informe(
                    ctx.runId,
                    ctx.simulacion,
                    origen,
                    destino.describir(),
                    ctx.registro.tablas(),
                    ctx.registro.decisiones(),
                    cuentas,
                    ctx.registro.secretos(),
                    ctx.registro.avisos(),
                    held,
                    (System.nanoTime() - started) / 1e9);
        } catch (ImportacionRechazada e) {
            throw e;
        } catch (Exception e) {
            throw new ImportacionRechazada(
                    "the import failed and was rolled back, nothing was changed: " + causa(e), e);
        }
    }

    /** Refuses a target that holds anything (the preview only warns), and creates a missing schema. */
    private static void preparar(Destino destino, Contexto ctx, ImportacionLegado.Migracion migracion, PrintWriter log)
            throws SQLException {
        if (destino.tieneEsquema()) {
            List<String> there = destino.contenido();
            if (!there.isEmpty()) {
                String what = "the target " + destino.describir() + " is not empty (" + String.join(", ", there) + ")";
                if (!ctx.simulacion) {
                    throw new ImportacionRechazada(what + "; nothing was changed. Import into an empty database");
                }
                ctx.registro.aviso(what + ": the real run would refuse it");
            }
        } else if (ctx.simulacion) {
            ctx.registro.aviso("the target has no schema yet: categories are compared with the ones this"
                    + " release seeds, as the real run (which creates the schema first) will");
        } else {
            log.println("Creating the schema in " + destino.describir() + " ...");
            migracion.migrar();
        }
    }

    /** The target's categories (this release's seeded ones when it has no schema yet). */
    List<Destino.Categoria> categorias() {
        return categorias;
    }

    /** Writes one table through COPY; in a preview the same rows are formatted and discarded. */
    void copiar(String table, List<String> columns, Tabla tabla) throws Exception {
        paso(table);
        if (ctx.simulacion) {
            try (CopyCsv discard = CopyCsv.discarding()) {
                tabla.escribir(discard);
            }
        } else {
            destino.copiar(table, columns, tabla::escribir);
        }
    }

    /** Copies rows kept aside in a file (rows that could only be written after other tables). */
    void copiarArchivo(String table, List<String> columns, Path file) throws Exception {
        if (!ctx.simulacion) {
            destino.copiarArchivo(table, columns, file);
        }
    }

    /** A statement of the real run (a preview has nothing to change). */
    void sql(String statement) throws SQLException {
        if (!ctx.simulacion) {
            destino.update(statement);
        }
    }

    /** One import event per row of {@code table} (or of those ids), with the source and the run id. */
    void auditar(String table, String entidad, String origen, long[] soloIds) throws SQLException {
        if (!ctx.simulacion) {
            destino.auditar(table, entidad, ctx.actor, origen, ctx.runId, soloIds);
        }
    }

    void paso(String what) {
        log.printf(Locale.ROOT, "  %s (%.1f s so far) ...%n", what, (System.nanoTime() - started) / 1e9);
        log.flush();
    }

    /** The database's own words when it refused (its first line: the rest may quote a row). */
    private static String causa(Exception e) {
        Throwable cause = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                cause = t;
            }
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
