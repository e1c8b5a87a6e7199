package org.inventarioti.importacion;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The files around a spreadsheet import: its checksum, and the per-row report (CSV, stored gzipped). */
final class InformeArchivo {

    private InformeArchivo() {}

    /**
     * A cell of the report as our exports write it: one that a spreadsheet would run as a formula
     * (starting with = + - @ or a tab or carriage return) gets a leading apostrophe, which the
     * import drops again when the report is read back.
     */
    static String celda(String text) {
        if (text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    /** UTF-8 with a byte-order mark, so Excel opens the report with its accents. */
    static Writer writer(Path report) throws IOException {
        Writer out = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(report), StandardCharsets.UTF_8), 64 * 1024);
        out.write('\uFEFF');
        return out;
    }

    /** A run that wrote nothing: the rows that would have been written say so. */
    static void marcarNoEscritas(Path report, int columns) throws IOException {
        Path rewritten = Files.createTempFile("inventario-importacion-", ".csv");
        try {
            try (var reader = Files.newBufferedReader(report, StandardCharsets.UTF_8);
                    var parser = CSVFormat.RFC4180.parse(reader);
                    Writer out = writer(rewritten)) {
                CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
                boolean header = true;
                for (var record : parser) {
                    List<String> cells = record.toList();
                    if (header) {
                        cells = new ArrayList<>(cells);
                        cells.set(0, cells.get(0).replace("\uFEFF", ""));
                        header = false;
                    } else if (cells.size() > columns
                            && !cells.get(columns).equals("rechazada")
                            && !cells.get(columns).equals("sin_cambios")) {
                        cells = new ArrayList<>(cells);
                        cells.set(columns, "no_escrita_" + cells.get(columns));
                    }
                    printer.printRecord(cells);
                }
                printer.flush();
            }
            Files.move(rewritten, report, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(rewritten);
        }
    }

    static byte[] gzip(Path file) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            Files.copy(file, gz);
        }
        return bytes.toByteArray();
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new ImportacionRechazada("cannot read the file: " + e.getMessage(), e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
