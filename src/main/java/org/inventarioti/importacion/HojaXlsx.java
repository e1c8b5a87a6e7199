package org.inventarioti.importacion;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * An XLSX workbook's first sheet, streamed row by row with fastexcel-reader (StAX, the same
 * project as our XLSX export). Before anything is parsed the ZIP is inflated once into nothing,
 * counting: a part that expands more than {@link #MAX_RATIO} times, or a whole above
 * {@link #MAX_INFLATED} bytes, is a zip bomb and is refused. Formulas are never run: a formula
 * cell reads as the value the spreadsheet last computed, and the report says how many there were.
 * Dates read as ISO dates, numbers as plain decimals.
 */
final class HojaXlsx extends Hoja {

    static final long MAX_INFLATED = 512L * 1024 * 1024;
    static final long MAX_RATIO = 200;
    /** Small parts may compress very well (a sheet of blanks); the ratio is judged above this size. */
    private static final long RATIO_FROM = 4L * 1024 * 1024;

    private final Path file;
    private long formulas;
    private final List<String> primerasFormulas = new ArrayList<>();

    HojaXlsx(Path file, String nombre) throws IOException {
        super(nombre);
        this.file = file;
        comprobarZip(file);
    }

    /**
     * Inflates every entry (as the central directory lists them) into nothing, counting the bytes
     * really produced, not the sizes the archive declares: a zip bomb is refused before any XML
     * parser sees it, and memory stays at one buffer.
     */
    static void comprobarZip(Path file) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = new ZipFile(file.toFile())) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                long packed = Math.max(1, entry.getCompressedSize());
                long entrySize = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        entrySize += n;
                        total += n;
                        if (total > MAX_INFLATED) {
                            throw bomba("it expands to more than " + MAX_INFLATED / 1048576 + " MB");
                        }
                        if (entrySize > RATIO_FROM && entrySize / packed > MAX_RATIO) {
                            throw bomba("its part " + entry.getName() + " expands more than " + MAX_RATIO + " times");
                        }
                    }
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new ImportacionRechazada("the file is not a readable XLSX workbook: " + e.getMessage(), e);
        }
    }

    private static ImportacionRechazada bomba(String why) {
        return new ImportacionRechazada("the XLSX file looks like a zip bomb (" + why + "); nothing was read");
    }

    @Override
    String formato() {
        return "XLSX";
    }

    @Override
    List<String> leerCabecera() throws IOException {
        try (ReadableWorkbook workbook = abrirLibro();
                Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            Iterator<Row> it = rows.iterator();
            while (it.hasNext()) {
                List<String> cells = celdas(it.next(), -1, false);
                if (cells.stream().anyMatch(c -> c != null && !c.isBlank())) {
                    return cells;
                }
            }
            throw new ImportacionRechazada("the workbook's first sheet is empty: nothing to import");
        } catch (org.dhatim.fastexcel.reader.ExcelReaderException | IllegalStateException e) {
            throw new ImportacionRechazada("the file is not a readable XLSX workbook: " + e.getMessage(), e);
        }
    }

    private ReadableWorkbook abrirLibro() throws IOException {
        return new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
    }

    @Override
    void filas(Fila fila) throws Exception {
        int n = cabecera().size();
        formulas = 0;
        primerasFormulas.clear();
        try (ReadableWorkbook workbook = abrirLibro();
                Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            Iterator<Row> it = rows.iterator();
            boolean header = false;
            while (it.hasNext()) {
                Row row = it.next();
                if (!header) {
                    header = celdas(row, -1, false).stream().anyMatch(c -> c != null && !c.isBlank());
                    continue;
                }
                String[] values = ajustar(celdas(row, n, true), n);
                if (!vacia(values)) {
                    fila.aceptar(values);
                }
            }
        }
        if (formulas > 0) {
            avisos.add(formulas + " formula cell(s): their last computed values were read, the formulas were"
                    + " not run (e.g. " + String.join(", ", primerasFormulas) + ")");
        }
    }

    private List<String> celdas(Row row, int n, boolean count) {
        int size = n < 0 ? row.getCellCount() : Math.min(n, row.getCellCount());
        List<String> cells = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Cell cell = row.getCell(i);
            cells.add(cell == null ? null : texto(cell, count));
        }
        return cells;
    }

    private String texto(Cell cell, boolean count) {
        CellType type = cell.getType();
        if (type == CellType.FORMULA) {
            if (count) {
                formulas++;
                if (primerasFormulas.size() < Registro.EJEMPLOS) {
                    primerasFormulas.add(cell.getAddress().toString());
                }
            }
            String cached = cell.getRawValue();
            if (cached != null && esFecha(cell)) {
                return fecha(cached);
            }
            return cached;
        }
        return switch (type) {
            case NUMBER -> esFecha(cell) ? fecha(cell.getRawValue()) : numero(cell.asNumber());
            case STRING -> cell.asString();
            case BOOLEAN -> String.valueOf(cell.asBoolean());
            case ERROR -> null;
            default -> null;
        };
    }

    private static String numero(BigDecimal number) {
        if (number == null) {
            return null;
        }
        BigDecimal plain = number.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
    }

    /** A serial day number in a date-formatted cell, as an ISO date (the time of day is dropped). */
    private static String fecha(String raw) {
        try {
            double serial = Double.parseDouble(raw);
            return java.time.LocalDate.of(1899, 12, 30)
                    .plusDays((long) Math.floor(serial))
                    .toString();
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    private static boolean esFecha(Cell cell) {
        Integer id = cell.getDataFormatId();
        if (id != null && (id >= 14 && id <= 22 || id >= 45 && id <= 47)) {
            return true;
        }
        String format = cell.getDataFormatString();
        if (format == null) {
            return false;
        }
        String plain = format.replaceAll("\"[^\"]*\"|\\[[^]]*]|\\\\.", "").toLowerCase(Locale.ROOT);
        return plain.contains("y") || plain.contains("d");
    }

    @Override
    public void close() {}
}
