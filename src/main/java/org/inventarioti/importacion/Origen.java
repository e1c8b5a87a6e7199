package org.inventarioti.importacion;

import java.util.List;
import java.util.Map;

/**
 * Where an import reads its rows: tables with named columns, each read as a stream of text
 * values (null for SQL NULL), in the source's key order. A live database or a dump file today;
 * a spreadsheet is one more kind of table.
 */
interface Origen extends AutoCloseable {

    record Columna(String nombre, String tipo) {}

    /** host:port/database or the file's name: never credentials. */
    String describir();

    /** Every table with its columns in order; names lower-cased. */
    Map<String, List<Columna>> tablas();

    /** Calls {@code fila} for every row of {@code tabla} with the values of {@code columnas}, in that order. */
    void leer(String tabla, List<String> columnas, Fila fila) throws Exception;

    interface Fila {
        void aceptar(String[] valores) throws Exception;
    }

    @Override
    void close();
}
