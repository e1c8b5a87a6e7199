package org.inventarioti.importacion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file: the encoding detected (a UTF-8 byte-order mark, otherwise UTF-8 when every byte
 * decodes as UTF-8, otherwise Windows-1252, which covers Latin-1), the separator detected from
 * the header line ({@code ,} {@code ;} or tab, outside quotes), and RFC 4180 quoting through
 * Apache Commons CSV. A cell our export protected from spreadsheets with a leading apostrophe
 * ({@code '=…}) reads as it was.
 */
final class HojaCsv extends Hoja {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final Path file;
    private final Charset charset;
    private final boolean bom;
    private char separador = ',';

    HojaCsv(Path file, String nombre) throws IOException {
        super(nombre);
        this.file = file;
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(3);
        }
        bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        charset = bom || utf8(file) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }

    /** Whether the whole file decodes as UTF-8 (streamed; a few MB a second is not the bottleneck). */
    private static boolean utf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = new java.io.InputStreamReader(Files.newInputStream(file), decoder)) {
            char[] buffer = new char[64 * 1024];
            while (reader.read(buffer) >= 0) {
                // decoding is the check
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Strictly decodes a byte sequence (tests and the detector share the rule). */
    static boolean esUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Override
    String formato() {
        String sep = separador == '\t' ? "tab" : "'" + separador + "'";
        return "CSV (" + (charset.equals(StandardCharsets.UTF_8) ? bom ? "UTF-8 with BOM" : "UTF-8" : "Windows-1252")
                + ", separator " + sep + ")";
    }

    Charset charset() {
        return charset;
    }

    char separador() {
        return separador;
    }

    private BufferedReader reader() throws IOException {
        BufferedReader reader = Files.newBufferedReader(file, charset);
        if (bom) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
        }
        return reader;
    }

    @Override
    List<String> leerCabecera() throws IOException {
        try (BufferedReader reader = reader()) {
            String line;
            do {
                line = reader.readLine();
            } while (line != null && line.isBlank());
            if (line == null) {
                throw new ImportacionRechazada("the file is empty: nothing to import");
            }
            separador = separador(line);
        }
        try (CSVParser parser = parser(reader())) {
            Iterator<CSVRecord> records = parser.iterator();
            return records.hasNext() ? celdas(records.next()) : List.of();
        }
    }

    /** The most frequent of , ; tab outside quotes in the header line (a comma when none). */
    static char separador(String line) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                comma += c == ',' ? 1 : 0;
                semicolon += c == ';' ? 1 : 0;
                tab += c == '\t' ? 1 : 0;
            }
        }
        if (tab > comma && tab > semicolon) {
            return '\t';
        }
        return semicolon > comma ? ';' : ',';
    }

    private CSVParser parser(Reader reader) throws IOException {
        return CSVFormat.RFC4180
                .builder()
                .setDelimiter(separador)
                .setIgnoreEmptyLines(true)
                .get()
                .parse(reader);
    }

    @Override
    void filas(Fila fila) throws Exception {
        int n = cabecera().size();
        try (CSVParser parser = parser(reader())) {
            Iterator<CSVRecord> records = parser.iterator();
            if (records.hasNext()) {
                records.next();
            }
            while (records.hasNext()) {
                String[] row = ajustar(celdas(records.next()), n);
                if (!vacia(row)) {
                    fila.aceptar(row);
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw new ImportacionRechazada(
                    "the CSV is malformed: " + e.getCause().getMessage(), e);
        }
    }

    private static List<String> celdas(CSVRecord record) {
        List<String> cells = new ArrayList<>(record.size());
        for (String value : record) {
            cells.add(sinApostrofo(value));
        }
        return cells;
    }

    /** {@code '=SUM(…)} as our export (and Excel users) protect a formula-looking text: the text itself. */
    static String sinApostrofo(String value) {
        if (value != null
                && value.length() > 1
                && value.charAt(0) == '\''
                && "=+-@\t\r".indexOf(value.charAt(1)) >= 0) {
            return value.substring(1);
        }
        return value;
    }

    @Override
    public void close() {}
}
