package org.inventarioti.importacion;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.inventarioti.auditoria.AuditoriaService;
import org.inventarioti.config.Database;

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
        Contexto ctx = new Contexto(
                UUID.randomUUID().toString(),
                o.simulacion(),
                o.zona(),
                o.rolPorDefecto(),
                o.admins(),
                AuditoriaService.currentActor());
        EsquemaLegado esquema = EsquemaLegado.de(origen.describir(), origen.tablas(), ctx.registro);
        ctx.registro.decision("dates", "DATETIME without zone", "read in " + o.zona(), null);
        return Motor.ejecutar(
                origen.describir(), database, ctx, migracion, log, motor -> escribir(origen, esquema, motor, ctx));
    }

    /** The original's tables in foreign-key order; answers the imported accounts. */
    private static List<Informe.Usuario> escribir(Origen origen, EsquemaLegado esquema, Motor motor, Contexto ctx)
            throws Exception {
        UsuariosLegado usuarios = new UsuariosLegado(ctx);
        CategoriasLegado categorias = new CategoriasLegado(ctx);
        usuarios.roles(origen, esquema);
        motor.copiar("usuarios", UsuariosLegado.COLUMNAS, copy -> usuarios.usuarios(origen, esquema, copy));
        motor.copiar(
                "categorias",
                CategoriasLegado.COLUMNAS,
                copy -> categorias.importar(origen, esquema, motor.categorias(), copy));
        Path cuarentena = ctx.simulacion ? null : Files.createTempFile("inventario-import-cuarentena", ".csv");
        try {
            try (Writer spill = ctx.simulacion ? Writer.nullWriter() : Files.newBufferedWriter(cuarentena)) {
                motor.copiar(
                        "activos",
                        ActivosLegado.COLUMNAS,
                        copy -> new ActivosLegado(ctx).importar(origen, esquema, copy, spill));
            }
            motor.copiarArchivo("especificaciones_cuarentena", ActivosLegado.CUARENTENA, cuarentena);
        } finally {
            if (cuarentena != null) {
                Files.deleteIfExists(cuarentena);
            }
        }
        categorias.retirarSinUso(motor);
        motor.copiar(
                "mantenimientos",
                MantenimientosLegado.COLUMNAS,
                copy -> new MantenimientosLegado(ctx).importar(origen, esquema, copy));
        for (long id : ctx.pasanAMantenimiento) {
            ctx.registro.decision(
                    "estado", "asset with a maintenance en_progreso", "En mantenimiento", Valores.codigo(id));
        }
        if (!ctx.pasanAMantenimiento.isEmpty()) {
            motor.sql("UPDATE activos SET estado = 'En mantenimiento' WHERE id IN (SELECT activo_id FROM"
                    + " mantenimientos WHERE estado = 'en_progreso') AND estado NOT IN ('En mantenimiento',"
                    + " 'Dado de baja')");
        }
        motor.paso("audit trail");
        String fuente = "legacy:" + origen.describir();
        motor.auditar("usuarios", "usuario", fuente, null);
        motor.auditar("categorias", "categoria", fuente, categorias.creadas());
        motor.auditar("activos", "activo", fuente, null);
        motor.auditar("mantenimientos", "mantenimiento", fuente, null);
        return usuarios.cuentas();
    }
}
