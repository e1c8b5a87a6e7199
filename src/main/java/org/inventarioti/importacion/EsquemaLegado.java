package org.inventarioti.importacion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The original Inventario-TI's tables as its code uses them (it shipped no DDL): which columns an
 * import needs, which it maps when they are there, and what a source has beyond them. Columns
 * are matched by name, so their order and optional ones may differ between installations.
 */
final class EsquemaLegado {

    record Tabla(String nombre, boolean requerida, List<String> requeridas, List<String> opcionales) {}

    static final List<Tabla> TABLAS = List.of(
            new Tabla("roles", false, List.of("id", "nombre"), List.of()),
            new Tabla("usuarios", true, List.of("id", "email", "password"), List.of("nombre", "rol_id", "created_at")),
            new Tabla("categorias", true, List.of("id", "nombre"), List.of("descripcion")),
            new Tabla(
                    "activos",
                    true,
                    List.of("id", "numero_serie"),
                    List.of(
                            "categoria_id",
                            "nombre",
                            "marca",
                            "modelo",
                            "estado",
                            "area",
                            "ubicacion",
                            "proveedor",
                            "fecha_compra",
                            "garantia_hasta",
                            "precio_usd",
                            "precio",
                            "moneda",
                            "responsable",
                            "notas",
                            "especificaciones",
                            "especificaciones_json",
                            "bitlocker",
                            "created_at",
                            "updated_at")),
            new Tabla(
                    "mantenimientos",
                    false,
                    List.of("id", "activo_id"),
                    List.of(
                            "usuario_id",
                            "tipo",
                            "titulo",
                            "descripcion",
                            "estado",
                            "fecha_programada",
                            "fecha_realizada",
                            "observaciones",
                            "costo",
                            "created_at")));

    private final Map<String, List<String>> presentes = new LinkedHashMap<>();
    private final Map<String, List<String>> desconocidas = new LinkedHashMap<>();

    private EsquemaLegado() {}

    /** Checks that {@code tablas} are the original's, or refuses naming what is missing. */
    static EsquemaLegado de(String origen, Map<String, List<Origen.Columna>> tablas, Registro registro) {
        List<String> missingTables = TABLAS.stream()
                .filter(Tabla::requerida)
                .map(Tabla::nombre)
                .filter(t -> !tablas.containsKey(t))
                .toList();
        if (missingTables.size() == TABLAS.stream().filter(Tabla::requerida).count()) {
            throw new ImportacionRechazada(origen + " is not a database of the original Inventario-TI: it has none of"
                    + " the tables usuarios, categorias, activos (it has: " + first(tablas.keySet()) + ")");
        }
        if (!missingTables.isEmpty()) {
            throw new ImportacionRechazada(origen + " lacks the table(s) " + String.join(", ", missingTables)
                    + " of the original Inventario-TI: nothing was imported");
        }
        EsquemaLegado esquema = new EsquemaLegado();
        List<String> problems = new ArrayList<>();
        for (Tabla tabla : TABLAS) {
            List<Origen.Columna> columns = tablas.get(tabla.nombre());
            if (columns == null) {
                registro.decision("columns", "table " + tabla.nombre() + " absent", "nothing to import from it", null);
                continue;
            }
            List<String> names = columns.stream().map(Origen.Columna::nombre).toList();
            tabla.requeridas().stream()
                    .filter(c -> !names.contains(c))
                    .forEach(c -> problems.add(tabla.nombre() + "." + c));
            List<String> present = new ArrayList<>(tabla.requeridas());
            for (String optional : tabla.opcionales()) {
                if (names.contains(optional)) {
                    present.add(optional);
                } else {
                    registro.decision("columns", tabla.nombre() + "." + optional + " absent", "left empty", null);
                }
            }
            List<String> unknown = names.stream()
                    .filter(n -> !tabla.requeridas().contains(n)
                            && !tabla.opcionales().contains(n))
                    .toList();
            esquema.presentes.put(tabla.nombre(), present);
            esquema.desconocidas.put(tabla.nombre(), unknown);
            for (String column : unknown) {
                registro.decision(
                        "columns",
                        "unknown column " + tabla.nombre() + "." + column,
                        tabla.nombre().equals("activos")
                                ? "kept in especificaciones as " + column
                                : "reported, not imported",
                        null);
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportacionRechazada(origen + " lacks the column(s) " + String.join(", ", problems)
                    + " that an import needs: nothing was imported");
        }
        return esquema;
    }

    private static String first(java.util.Collection<String> names) {
        List<String> list = new ArrayList<>(names);
        return list.isEmpty()
                ? "no tables"
                : String.join(", ", list.subList(0, Math.min(8, list.size()))) + (list.size() > 8 ? ", …" : "");
    }

    boolean hay(String tabla) {
        return presentes.containsKey(tabla);
    }

    /** The columns to read: the known ones present, then the unknown ones. */
    List<String> columnas(String tabla) {
        List<String> all = new ArrayList<>(presentes.get(tabla));
        all.addAll(desconocidas.get(tabla));
        return all;
    }

    List<String> desconocidas(String tabla) {
        return desconocidas.get(tabla);
    }
}
