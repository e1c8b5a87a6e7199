package org.inventarioti.importacion;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Real spreadsheet files for the import tests: CSV in any encoding and separator, XLSX, zip bombs. */
final class Hojas {

    private Hojas() {}

    static Path csv(Path dir, String name, Charset charset, boolean bom, String text) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            if (bom) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            out.write(text.getBytes(charset));
        }
        return file;
    }

    /** A workbook with these rows; a cell starting with {@code =} is written as a formula with {@code cached}. */
    static Path xlsx(Path dir, String name, List<List<Object>> rows) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "test", "1.0");
            Worksheet sheet = workbook.newWorksheet("Hoja1");
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object value = row.get(c);
                    if (value instanceof String text && text.startsWith("=")) {
                        sheet.formula(r, c, text.substring(1));
                    } else if (value instanceof java.time.LocalDate date) {
                        sheet.value(r, c, date);
                        sheet.style(r, c).format("dd/mm/yyyy").set();
                    } else if (value instanceof Number number) {
                        sheet.value(r, c, number);
                    } else if (value != null) {
                        sheet.value(r, c, value.toString());
                    }
                }
            }
            workbook.finish();
        }
        return file;
    }

    /** A ZIP that starts like an XLSX and holds a sheet of {@code megabytes} MB of one byte: a zip bomb. */
    static Path bomba(Path dir, int megabytes) throws IOException {
        Path file = dir.resolve("bomba.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] block = new byte[1024 * 1024];
            java.util.Arrays.fill(block, (byte) ' ');
            for (int i = 0; i < megabytes; i++) {
                zip.write(block);
            }
            zip.closeEntry();
        }
        return file;
    }

    /** Every row of the file as the import reads it. */
    static List<List<String>> filas(Hoja hoja) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        hoja.filas(row -> rows.add(java.util.Arrays.asList(row.clone())));
        return rows;
    }
}
