package org.inventarioti.importacion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A spreadsheet an import reads (CSV or XLSX): one more kind of {@link Origen}, with one table,
 * {@link #TABLA}, whose columns are the file's header cells. The rows are streamed: nothing but
 * the current row is held, whatever the file's size. Files above {@link #MAX_BYTES} are refused
 * before they are read, and so are empty files and headers that repeat a name.
 */
abstract class Hoja implements Origen {

    static final String TABLA = "filas";
    static final long MAX_BYTES = 50L * 1024 * 1024;

    private final String nombre;
    private List<String> cabecera = List.of();
    final List<String> avisos = new ArrayList<>();

    Hoja(String nombre) {
        this.nombre = nombre;
    }

    /** Opens {@code file} (named {@code nombre} for the report) as XLSX when it is a ZIP, as CSV otherwise. */
    static Hoja abrir(Path file, String nombre) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ImportacionRechazada(String.format(
                        Locale.ROOT,
                        "the file is %.1f MB: files above 50 MB are refused (split it, or import it with the"
                                + " command line in parts)",
                        size / 1048576.0));
            }
            if (size == 0) {
                throw new ImportacionRechazada("the file is empty: nothing to import");
            }
            byte[] head = new byte[8];
            int read;
            try (InputStream in = Files.newInputStream(file)) {
                read = in.readNBytes(head, 0, head.length);
            }
            Hoja hoja;
            if (read >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                hoja = new HojaXlsx(file, nombre);
            } else if (read >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF) {
                throw new ImportacionRechazada("this is an old Excel (.xls) file: save it as .xlsx or .csv first");
            } else {
                hoja = new HojaCsv(file, nombre);
            }
            hoja.cabecera(hoja.leerCabecera());
            return hoja;
        } catch (IOException e) {
            throw new ImportacionRechazada("cannot read the file " + nombre + ": " + e.getMessage(), e);
        }
    }

    /** The header cells, trimmed; refused when there is none or when a name repeats. */
    private void cabecera(List<String> cells) {
        List<String> trimmed = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i) == null ? "" : cells.get(i).strip();
            if (!cell.isEmpty()) {
                Integer before = seen.put(Valores.clave(cell), i);
                if (before != null) {
                    throw new ImportacionRechazada("the header repeats the column \"" + cell + "\" (columns "
                            + columna(before) + " and " + columna(i) + "): rename or remove one");
                }
            }
            trimmed.add(cell);
        }
        while (!trimmed.isEmpty() && trimmed.get(trimmed.size() - 1).isEmpty()) {
            trimmed.remove(trimmed.size() - 1);
        }
        if (trimmed.isEmpty()) {
            throw new ImportacionRechazada("the file has no header row: nothing to import");
        }
        this.cabecera = List.copyOf(trimmed);
    }

    /** A spreadsheet column's letters: 0 is A, 26 is AA. */
    static String columna(int index) {
        StringBuilder out = new StringBuilder();
        for (int i = index; i >= 0; i = i / 26 - 1) {
            out.insert(0, (char) ('A' + i % 26));
        }
        return out.toString();
    }

    /** The header cells in file order (an empty string for a column with no name). */
    List<String> cabecera() {
        return cabecera;
    }

    /** CSV (encoding, separator) or XLSX, for the report. */
    abstract String formato();

    /** What the reader noticed about the whole file (e.g. formulas whose values were taken). */
    List<String> avisos() {
        return List.copyOf(avisos);
    }

    abstract List<String> leerCabecera() throws IOException;

    /** Every data row after the header, as many cells as the header (missing ones null), in order. */
    abstract void filas(Fila fila) throws Exception;

    @Override
    public String describir() {
        return nombre;
    }

    @Override
    public Map<String, List<Columna>> tablas() {
        return Map.of(TABLA, cabecera.stream().map(c -> new Columna(c, "text")).toList());
    }

    @Override
    public void leer(String tabla, List<String> columnas, Fila fila) throws Exception {
        if (!TABLA.equals(tabla) || !columnas.equals(cabecera)) {
            throw new IllegalArgumentException("a spreadsheet is read whole, in its header's order");
        }
        filas(fila);
    }

    /** Exactly {@code n} cells: blank ones as null, short rows padded. */
    static String[] ajustar(List<String> cells, int n) {
        String[] out = new String[n];
        for (int i = 0; i < n && i < cells.size(); i++) {
            String cell = cells.get(i);
            out[i] = cell == null || cell.isBlank() ? null : cell;
        }
        return out;
    }

    static boolean vacia(String[] row) {
        for (String cell : row) {
            if (cell != null) {
                return false;
            }
        }
        return true;
    }
}
