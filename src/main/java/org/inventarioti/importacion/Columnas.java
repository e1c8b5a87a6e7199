package org.inventarioti.importacion;

import java.util.List;

/** A row's values by column name, for the columns one table is read with. */
final class Columnas {

    private final List<String> nombres;
    private String[] valores;

    Columnas(List<String> nombres) {
        this.nombres = List.copyOf(nombres);
    }

    Columnas con(String[] fila) {
        this.valores = fila;
        return this;
    }

    /** The value, or null when the column is NULL or the source does not have it. */
    String get(String columna) {
        int i = nombres.indexOf(columna);
        return i < 0 ? null : valores[i];
    }

    boolean tiene(String columna) {
        return nombres.contains(columna);
    }
}
