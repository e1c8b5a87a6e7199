package org.inventarioti.reportes;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A table written row by row straight to the response: nothing is held beyond the current row,
 * so the export's memory does not grow with the number of rows.
 */
interface Exportacion extends AutoCloseable {

    void fila(Object... valores) throws IOException;

    @Override
    void close() throws IOException;

    static Exportacion xlsx(OutputStream out, String hoja, String... cabecera) throws IOException {
        return new Xlsx(out, hoja, cabecera);
    }

    static Exportacion csv(OutputStream out, String... cabecera) throws IOException {
        return new Csv(out, cabecera);
    }

    /** Excel: real numbers and dates; text as inline strings (no shared-string table to grow). */
    final class Xlsx implements Exportacion {
        private static final int FLUSH_EVERY = 500;
        private final org.dhatim.fastexcel.Workbook workbook;
        private final org.dhatim.fastexcel.Worksheet sheet;
        private int row;

        private Xlsx(OutputStream out, String hoja, String... cabecera) throws IOException {
            workbook = new org.dhatim.fastexcel.Workbook(out, "Inventario-TI", "1.0");
            sheet = workbook.newWorksheet(hoja);
            for (int c = 0; c < cabecera.length; c++) {
                sheet.inlineString(0, c, cabecera[c]);
                sheet.style(0, c).bold().set();
            }
            sheet.freezePane(0, 1);
            row = 1;
        }

        @Override
        public void fila(Object... valores) throws IOException {
            for (int c = 0; c < valores.length; c++) {
                Object value = valores[c];
                if (value instanceof LocalDate date) {
                    sheet.value(row, c, date);
                    sheet.style(row, c).format("yyyy-mm-dd").set();
                } else if (value instanceof BigDecimal number) {
                    sheet.value(row, c, number);
                    sheet.style(row, c).format("#,##0.00").set();
                } else if (value instanceof Number number) {
                    sheet.value(row, c, number);
                } else if (value != null) {
                    sheet.inlineString(row, c, value.toString());
                }
            }
            row++;
            if (row % FLUSH_EVERY == 0) {
                sheet.flush();
            }
        }

        @Override
        public void close() throws IOException {
            sheet.finish();
            workbook.finish();
        }
    }

    /**
     * RFC 4180 CSV in UTF-8 with a byte-order mark (so Excel reads the accents). A cell that a
     * spreadsheet would run as a formula (starting with = + - @ or a control character) gets a
     * leading apostrophe.
     */
    final class Csv implements Exportacion {
        private final java.io.Writer writer;
        private final CSVPrinter printer;

        private Csv(OutputStream out, String... cabecera) throws IOException {
            writer = new java.io.BufferedWriter(
                    new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8), 64 * 1024);
            writer.write('\uFEFF');
            printer = new CSVPrinter(writer, CSVFormat.RFC4180);
            fila((Object[]) cabecera);
        }

        @Override
        public void fila(Object... valores) throws IOException {
            for (Object valor : valores) {
                printer.print(celda(valor));
            }
            printer.println();
        }

        static String celda(Object value) {
            if (value == null) {
                return null;
            }
            String text = value instanceof BigDecimal number ? number.toPlainString() : value.toString();
            if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
                text = "'" + text;
            }
            return text;
        }

        @Override
        public void close() throws IOException {
            printer.flush();
        }
    }
}
