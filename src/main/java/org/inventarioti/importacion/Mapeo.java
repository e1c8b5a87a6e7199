package org.inventarioti.importacion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which asset field each column of a spreadsheet fills. Suggested from the header in Spanish or
 * English, including our own exports' headers in both languages; {@code spec.<key>} columns
 * (also {@code spec:<key>}, {@code especificaciones.<key>}) fill one key of especificaciones. The
 * user's choices ({@code header → field}, or {@code ""} to ignore a column) override the suggestion.
 */
record Mapeo(List<Columna> columnas) {

    static final String SPEC = "spec.";

    /** Every field a column may fill, in the order our detailed export writes them (and notas). */
    static final List<String> CAMPOS = List.of(
            "codigo",
            "nombre",
            "categoria",
            "marca",
            "modelo",
            "numero_serie",
            "estado",
            "area",
            "ubicacion",
            "responsable",
            "proveedor",
            "fecha_compra",
            "garantia_hasta",
            "precio",
            "moneda",
            "bitlocker",
            "especificaciones",
            "notas");

    /**
     * A column: its index and header, the field it fills ({@code null}: ignored), how that was
     * decided ({@code sugerido}, {@code elegido}, {@code sin_mapear}), and whether its key names a
     * secret (its values are refused, never read into anything).
     */
    record Columna(int indice, String cabecera, String campo, String origen, boolean secreto) {}

    private static final Pattern SPEC_HEADER =
            Pattern.compile("(?i)^\\s*(?:spec|specs|especificacion|especificaciones)\\s*[.:]\\s*(.+)$");

    private static final Map<String, String> SINONIMOS = sinonimos();

    private static Map<String, String> sinonimos() {
        Map<String, String> m = new HashMap<>();
        put(
                m,
                "codigo",
                "codigo",
                "code",
                "asset tag",
                "etiqueta",
                "tag",
                "asset code",
                "codigo activo",
                "codigo de activo");
        put(m, "nombre", "nombre", "name", "asset name", "equipo", "nombre del equipo", "nombre equipo", "hostname");
        put(m, "categoria", "categoria", "category", "tipo de equipo", "tipo", "type", "asset type");
        put(m, "marca", "marca", "make", "brand", "fabricante", "manufacturer");
        put(m, "modelo", "modelo", "model", "model name");
        put(
                m,
                "numero_serie",
                "numero serie",
                "numero de serie",
                "n de serie",
                "no de serie",
                "nro de serie",
                "nro serie",
                "serie",
                "serial",
                "serial number",
                "serial no",
                "sn",
                "s n");
        put(m, "estado", "estado", "status", "state");
        put(m, "area", "area", "department", "departamento");
        put(m, "ubicacion", "ubicacion", "location", "lugar", "sitio", "site");
        put(
                m,
                "responsable",
                "responsable",
                "owner",
                "assigned to",
                "asignado a",
                "checked out to",
                "usuario asignado");
        put(m, "proveedor", "proveedor", "supplier", "vendor");
        put(m, "fecha_compra", "fecha compra", "fecha de compra", "purchase date", "purchased", "fecha adquisicion");
        put(
                m,
                "garantia_hasta",
                "garantia hasta",
                "garantia",
                "fin de garantia",
                "fin garantia",
                "warranty until",
                "warranty",
                "warranty expires",
                "warranty end");
        put(m, "precio", "precio", "price", "cost", "costo", "coste", "purchase cost", "valor");
        put(m, "moneda", "moneda", "currency", "divisa");
        put(m, "bitlocker", "bitlocker", "bitlocker status", "estado bitlocker", "cifrado");
        put(m, "especificaciones", "especificaciones", "specifications", "specs", "spec");
        put(m, "notas", "notas", "notes", "nota", "observaciones", "comentarios", "comments");
        return Map.copyOf(m);
    }

    private static void put(Map<String, String> m, String campo, String... headers) {
        for (String header : headers) {
            m.put(header, campo);
        }
    }

    /** A header as headers compare: no accents, lower case, anything but letters and digits a space. */
    static String normalizar(String header) {
        String plain = Valores.claveSinMemoria(header);
        return plain.replaceAll("[^a-z0-9]+", " ").trim();
    }

    /** The field a header suggests, or null. */
    static String sugerir(String header) {
        Matcher spec = SPEC_HEADER.matcher(header);
        if (spec.matches()) {
            String key = Claves.normalizar(spec.group(1));
            return key.isEmpty() ? null : SPEC + key;
        }
        return SINONIMOS.get(normalizar(header));
    }

    /**
     * The mapping of {@code cabecera}: the user's {@code elegidos} first (by header, compared as
     * headers are), the suggestion otherwise. Refused when a choice names no field or two columns
     * would fill one field.
     */
    static Mapeo de(List<String> cabecera, Map<String, String> elegidos) {
        Map<String, String> choices = new HashMap<>();
        elegidos.forEach((header, campo) -> choices.put(normalizar(header), campo == null ? "" : campo.strip()));
        List<Columna> columnas = new ArrayList<>();
        Map<String, String> taken = new LinkedHashMap<>();
        for (int i = 0; i < cabecera.size(); i++) {
            String header = cabecera.get(i);
            String key = normalizar(header);
            String campo;
            String origen;
            if (choices.containsKey(key)) {
                campo = choices.remove(key);
                origen = "elegido";
                if (campo.isEmpty()) {
                    campo = null;
                } else if (campo.toLowerCase(Locale.ROOT).startsWith(SPEC)) {
                    campo = SPEC + Claves.normalizar(campo.substring(SPEC.length()));
                } else if (!CAMPOS.contains(campo)) {
                    throw new ImportacionRechazada("the mapping sends the column \"" + header + "\" to \"" + campo
                            + "\", which is not a field; fields: " + String.join(", ", CAMPOS) + ", spec.<key>");
                }
            } else {
                campo = header.isEmpty() ? null : sugerir(header);
                origen = campo == null ? "sin_mapear" : "sugerido";
            }
            if (campo != null) {
                String before = taken.put(campo, header);
                if (before != null) {
                    throw new ImportacionRechazada("the columns \"" + before + "\" and \"" + header + "\" both fill "
                            + campo + ": map one of them elsewhere or ignore it");
                }
            }
            boolean secreto =
                    campo != null && campo.startsWith(SPEC) && Claves.sensible(campo.substring(SPEC.length()));
            columnas.add(new Columna(i, header, campo, origen, secreto));
        }
        if (!choices.isEmpty()) {
            throw new ImportacionRechazada("the mapping names columns the file does not have: "
                    + String.join(
                            ", ",
                            elegidos.keySet().stream()
                                    .filter(h -> choices.containsKey(normalizar(h)))
                                    .toList()));
        }
        return new Mapeo(List.copyOf(columnas));
    }

    /** The column index that fills {@code campo}, or -1. */
    int indice(String campo) {
        for (Columna c : columnas) {
            if (campo.equals(c.campo())) {
                return c.indice();
            }
        }
        return -1;
    }

    boolean tiene(String campo) {
        return indice(campo) >= 0;
    }

    /** The header of the column filling {@code campo} (for problems), or the field's own name. */
    String cabeceraDe(String campo) {
        for (Columna c : columnas) {
            if (campo.equals(c.campo())) {
                return c.cabecera();
            }
        }
        return campo;
    }

    boolean tieneSpecs() {
        return columnas.stream().anyMatch(c -> c.campo() != null && c.campo().startsWith(SPEC));
    }
}
