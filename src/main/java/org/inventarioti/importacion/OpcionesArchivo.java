package org.inventarioti.importacion;

import java.util.Locale;
import java.util.Map;

/**
 * How a spreadsheet import runs: {@code modo} create only / update by the match key / both,
 * {@code clave} the match key ({@code numero_serie} or {@code codigo}), {@code todoONada} (one
 * refused row writes nothing) or skip the rows in error, the user's column choices, and whether
 * this is the preview (the default).
 */
public record OpcionesArchivo(
        Modo modo, Clave clave, boolean todoONada, Map<String, String> columnas, boolean simulacion) {

    public enum Modo {
        CREAR,
        ACTUALIZAR,
        AMBOS;

        String nombre() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Clave {
        NUMERO_SERIE,
        CODIGO;

        String nombre() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public OpcionesArchivo {
        modo = modo == null ? Modo.AMBOS : modo;
        clave = clave == null ? Clave.NUMERO_SERIE : clave;
        columnas = columnas == null ? Map.of() : Map.copyOf(columnas);
    }

    public static OpcionesArchivo previa() {
        return new OpcionesArchivo(Modo.AMBOS, Clave.NUMERO_SERIE, true, Map.of(), true);
    }

    public OpcionesArchivo real() {
        return new OpcionesArchivo(modo, clave, todoONada, columnas, false);
    }

    /** {@code crear|create}, {@code actualizar|update}, {@code ambos|both}; refused otherwise. */
    public static Modo modo(String text) {
        if (text == null || text.isBlank()) {
            return Modo.AMBOS;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "crear", "create" -> Modo.CREAR;
            case "actualizar", "update" -> Modo.ACTUALIZAR;
            case "ambos", "both" -> Modo.AMBOS;
            default ->
                throw new ImportacionRechazada(
                        "unknown mode \"" + text + "\": crear (create), actualizar (update) or ambos (both)");
        };
    }

    public static Clave clave(String text) {
        if (text == null || text.isBlank()) {
            return Clave.NUMERO_SERIE;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "numero_serie", "serial" -> Clave.NUMERO_SERIE;
            case "codigo", "code" -> Clave.CODIGO;
            default -> throw new ImportacionRechazada("unknown match key \"" + text + "\": numero_serie or codigo");
        };
    }
}
