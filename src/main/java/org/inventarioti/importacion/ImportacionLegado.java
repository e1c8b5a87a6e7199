package org.inventarioti.importacion;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.inventarioti.auditoria.AuditoriaService;
import org.inventarioti.ops.archive.Database;

/**
 * {@code inventario import legacy}: the original Inventario-TI (a live MySQL/MariaDB database or
 * a dump of one) into an empty Inventario-TI. read → map → validate → write, table by table in
 * foreign-key order, streamed; a dry run takes exactly the same path with the writes discarded,
 * so the preview is what the real run does. The real run writes everything in one transaction.
 */
public final class ImportacionLegado {

    public record Opciones(List<String> admins, String rolPorDefecto, ZoneId zona, boolean simulacion) {

        public Opciones {
            if (!rolPorDefecto.equals("TECNICO") && !rolPorDefecto.equals("LECTOR")) {
                throw new ImportacionRechazada("--default-role must be TECNICO or LECTOR (ADMIN only with --admin)");
            }
            admins = List.copyOf(admins);
        }
    }

    /** Brings an empty target to this release's schema (the command's migration policy). */
    public interface Migracion {
        void migrar();
    }

    private ImportacionLegado() {}

    public static Informe desdeBaseDeDatos(
            String url,
            String user,
            String password,
            Database destino,
            Opciones opciones,
            Migracion migracion,
            PrintWriter log) {
        try (MysqlEnVivo origen = MysqlEnVivo.abrir(url, user, password)) {
            return importar(origen, destino, opciones, migracion, log);
        }
    }

    public static Informe desdeDump(
            Path dump, Database destino, Opciones opciones, Migracion migracion, PrintWriter log) {
        try (DumpMysql origen = DumpMysql.abrir(dump)) {
            return importar(origen, destino, opciones, migracion, log);
        }
    }

    static Informe importar(Origen origen, Database database, Opciones o, Migracion migracion, PrintWriter log) {
        long started = System.nanoTime();
        String runId = UUID.randomUUID().toString();
        Contexto ctx = new Contexto(
                runId, o.simulacion(), o.zona(), o.rolPorDefecto(), o.admins(), AuditoriaService.currentActor());
        EsquemaLegado esquema = EsquemaLegado.de(origen.describir(), origen.tablas(), ctx.registro);
        ctx.registro.decision("dates", "DATETIME without zone", "read in " + o.zona(), null);
        try (Destino destino = Destino.abrir(database)) {
            if (destino.tieneEsquema()) {
                List<String> there = destino.contenido();
                if (!there.isEmpty()) {
                    String what =
                            "the target " + destino.describir() + " is not empty (" + String.join(", ", there) + ")";
                    if (!o.simulacion()) {
                        throw new ImportacionRechazada(what + "; nothing was changed. Import into an empty database");
                    }
                    ctx.registro.aviso(what + ": the real run would refuse it");
                }
            } else if (o.simulacion()) {
                ctx.registro.aviso("the target has no schema yet: categories are compared with the ones this"
                        + " release seeds, as the real run (which creates the schema first) will");
            } else {
                log.println("Creating the schema in " + destino.describir() + " ...");
                migracion.migrar();
            }
            List<Destino.Categoria> categoriasDestino =
                    destino.tieneEsquema() ? destino.categorias(ctx.json) : Destino.categoriasSemilla(ctx.json);
            if (!o.simulacion()) {
                destino.empezar();
                List<String> there = destino.contenido();
                if (!there.isEmpty()) {
                    throw new ImportacionRechazada("the target " + destino.describir() + " is not empty ("
                            + String.join(", ", there) + "); nothing was changed");
                }
            }
            Map<String, Long> held = escribir(origen, esquema, destino, categoriasDestino, ctx, log, started);
            UsuariosLegado usuarios = ctx.usuariosLegado;
            return new Informe(
                    runId,
                    o.simulacion(),
                    origen.describir(),
                    destino.describir(),
                    ctx.registro.tablas(),
                    ctx.registro.decisiones(),
                    usuarios.cuentas(),
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

    private static Map<String, Long> escribir(
            Origen origen,
            EsquemaLegado esquema,
            Destino destino,
            List<Destino.Categoria> categoriasDestino,
            Contexto ctx,
            PrintWriter log,
            long started)
            throws Exception {
        UsuariosLegado usuarios = new UsuariosLegado(ctx);
        ctx.usuariosLegado = usuarios;
        CategoriasLegado categorias = new CategoriasLegado(ctx);
        usuarios.roles(origen, esquema);
        paso(log, "usuarios", started);
        copiar(destino, ctx, "usuarios", UsuariosLegado.COLUMNAS, copy -> usuarios.usuarios(origen, esquema, copy));
        paso(log, "categorias", started);
        copiar(
                destino,
                ctx,
                "categorias",
                CategoriasLegado.COLUMNAS,
                copy -> categorias.importar(origen, esquema, categoriasDestino, copy));
        paso(log, "activos", started);
        Path cuarentena = ctx.simulacion ? null : Files.createTempFile("inventario-import-cuarentena", ".csv");
        try {
            try (Writer spill = ctx.simulacion ? Writer.nullWriter() : Files.newBufferedWriter(cuarentena)) {
                copiar(
                        destino,
                        ctx,
                        "activos",
                        ActivosLegado.COLUMNAS,
                        copy -> new ActivosLegado(ctx).importar(origen, esquema, copy, spill));
            }
            if (!ctx.simulacion) {
                destino.copiarArchivo("especificaciones_cuarentena", ActivosLegado.CUARENTENA, cuarentena);
            }
        } finally {
            if (cuarentena != null) {
                Files.deleteIfExists(cuarentena);
            }
        }
        categorias.retirarSinUso(destino);
        paso(log, "mantenimientos", started);
        copiar(
                destino,
                ctx,
                "mantenimientos",
                MantenimientosLegado.COLUMNAS,
                copy -> new MantenimientosLegado(ctx).importar(origen, esquema, copy));
        for (long id : ctx.pasanAMantenimiento) {
            ctx.registro.decision(
                    "estado", "asset with a maintenance en_progreso", "En mantenimiento", Valores.codigo(id));
        }
        if (ctx.simulacion) {
            return Map.of();
        }
        if (!ctx.pasanAMantenimiento.isEmpty()) {
            destino.update("UPDATE activos SET estado = 'En mantenimiento' WHERE id IN (SELECT activo_id FROM"
                    + " mantenimientos WHERE estado = 'en_progreso') AND estado NOT IN ('En mantenimiento',"
                    + " 'Dado de baja')");
        }
        paso(log, "audit trail, sequences", started);
        String fuente = "legacy:" + origen.describir();
        destino.auditar("usuarios", "usuario", ctx.actor, fuente, ctx.runId, null);
        destino.auditar("categorias", "categoria", ctx.actor, fuente, ctx.runId, categorias.creadas());
        destino.auditar("activos", "activo", ctx.actor, fuente, ctx.runId, null);
        destino.auditar("mantenimientos", "mantenimiento", ctx.actor, fuente, ctx.runId, null);
        destino.secuencias();
        Map<String, Long> held = destino.conteos();
        destino.confirmar();
        return held;
    }

    private interface Tabla {
        void escribir(CopyCsv copy) throws Exception;
    }

    private static void copiar(Destino destino, Contexto ctx, String table, List<String> columns, Tabla tabla)
            throws Exception {
        if (ctx.simulacion) {
            try (CopyCsv discard = CopyCsv.discarding()) {
                tabla.escribir(discard);
            }
        } else {
            destino.copiar(table, columns, tabla::escribir);
        }
    }

    /** The database's own words when it refused (its first line: the rest may quote a row). */
    private static String causa(Exception e) {
        Throwable cause = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException) {
                cause = t;
            }
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static void paso(PrintWriter log, String table, long started) {
        log.printf(Locale.ROOT, "  %s (%.1f s so far) ...%n", table, (System.nanoTime() - started) / 1e9);
        log.flush();
    }
}
