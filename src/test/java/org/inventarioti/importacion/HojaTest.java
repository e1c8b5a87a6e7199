package org.inventarioti.importacion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading spreadsheets: every encoding and separator, XLSX with formulas and dates, and the refusals. */
class HojaTest {

    @TempDir
    Path dir;

    @Test
    void utf8WithBomAndSemicolonsAsSpanishExcelWritesThem() throws Exception {
        Path file = Hojas.csv(
                dir,
                "es.csv",
                StandardCharsets.UTF_8,
                true,
                "Número de serie;Categoría;Ubicación;Precio\r\nSN-1;Laptop;Almacén Ñuñoa;\"1.234,56\"\r\n");
        try (Hoja hoja = Hoja.abrir(file, "es.csv")) {
            assertThat(hoja.formato()).isEqualTo("CSV (UTF-8 with BOM, separator ';')");
            assertThat(hoja.cabecera()).containsExactly("Número de serie", "Categoría", "Ubicación", "Precio");
            assertThat(Hojas.filas(hoja)).containsExactly(List.of("SN-1", "Laptop", "Almacén Ñuñoa", "1.234,56"));
        }
    }

    @Test
    void windows1252WithTabs() throws Exception {
        Path file = Hojas.csv(
                dir, "latin.csv", HojaCsv.WINDOWS_1252, false, "Serie\tUbicación\tNotas\nSN-2\tSótano\t“comillas” €\n");
        assertThat(HojaCsv.esUtf8(Files.readAllBytes(file))).isFalse();
        try (Hoja hoja = Hoja.abrir(file, "latin.csv")) {
            assertThat(hoja.formato()).isEqualTo("CSV (Windows-1252, separator tab)");
            assertThat(Hojas.filas(hoja)).containsExactly(List.of("SN-2", "Sótano", "“comillas” €"));
        }
    }

    @Test
    void utf8WithoutBomAndCommasWithQuotedSeparators() throws Exception {
        Path file = Hojas.csv(
                dir,
                "en.csv",
                StandardCharsets.UTF_8,
                false,
                "serial,name,notes\nSN-3,\"Desk, big\",\"line one\nline two\"\n\n,,\nSN-4,Café,'=1+1\n");
        try (Hoja hoja = Hoja.abrir(file, "en.csv")) {
            assertThat(hoja.formato()).isEqualTo("CSV (UTF-8, separator ',')");
            assertThat(Hojas.filas(hoja))
                    .as("blank rows are skipped; our export's apostrophe before a formula-looking text is undone")
                    .containsExactly(
                            List.of("SN-3", "Desk, big", "line one\nline two"), List.of("SN-4", "Café", "=1+1"));
        }
    }

    @Test
    void shortRowsArePaddedAndLongRowsCut() throws Exception {
        Path file = Hojas.csv(dir, "ragged.csv", StandardCharsets.UTF_8, false, "a,b,c\n1\n1,2,3,4\n");
        try (Hoja hoja = Hoja.abrir(file, "ragged.csv")) {
            assertThat(Hojas.filas(hoja)).containsExactly(Arrays.asList("1", null, null), List.of("1", "2", "3"));
        }
    }

    @Test
    void xlsxFormulasAreNotRunButTheirValuesAreReadAndCounted() throws Exception {
        Path file = Hojas.xlsx(
                dir,
                "libro.xlsx",
                List.of(
                        List.of("Número de serie", "Fecha de compra", "Precio", "Notas"),
                        List.of(
                                "SN-5",
                                LocalDate.of(2024, 3, 1),
                                new BigDecimal("1250.50"),
                                "=HYPERLINK(\"http://x\")"),
                        List.of(12345, LocalDate.of(2023, 12, 31), 99, "texto")));
        try (Hoja hoja = Hoja.abrir(file, "libro.xlsx")) {
            assertThat(hoja.formato()).isEqualTo("XLSX");
            List<List<String>> rows = Hojas.filas(hoja);
            assertThat(rows.get(0).subList(0, 3)).containsExactly("SN-5", "2024-03-01", "1250.5");
            assertThat(rows.get(0).get(3))
                    .as("no computed value was stored: nothing")
                    .isNull();
            assertThat(rows.get(1)).containsExactly("12345", "2023-12-31", "99", "texto");
            assertThat(hoja.avisos()).singleElement().asString().contains("1 formula cell(s)", "D2");
        }
    }

    @Test
    void aZipBombIsRefusedBeforeAnyParserSeesIt() throws Exception {
        Path file = Hojas.bomba(dir, 64);
        assertThat(Files.size(file)).isLessThan(1024 * 1024);
        long before = usedHeap();
        assertThatThrownBy(() -> Hoja.abrir(file, "bomba.xlsx"))
                .isInstanceOf(ImportacionRechazada.class)
                .hasMessageContaining("zip bomb");
        assertThat(usedHeap() - before).as("memory stays flat").isLessThan(48L * 1024 * 1024);
    }

    @Test
    void aFileAbove50MbIsRefusedUnread() throws Exception {
        Path file = dir.resolve("grande.csv");
        try (RandomAccessFile big = new RandomAccessFile(file.toFile(), "rw")) {
            big.setLength(Hoja.MAX_BYTES + 1);
        }
        assertThatThrownBy(() -> Hoja.abrir(file, "grande.csv"))
                .isInstanceOf(ImportacionRechazada.class)
                .hasMessageContaining("50.0 MB")
                .hasMessageContaining("above 50 MB are refused");
    }

    @Test
    void emptyFilesHeadersOnlyBlanksAndRepeatedHeaders() throws Exception {
        assertThatThrownBy(() -> Hoja.abrir(Files.createFile(dir.resolve("vacio.csv")), "vacio.csv"))
                .hasMessageContaining("empty");
        Path blank = Hojas.csv(dir, "blanco.csv", StandardCharsets.UTF_8, false, "\n\n  \n");
        assertThatThrownBy(() -> Hoja.abrir(blank, "blanco.csv")).hasMessageContaining("empty");
        Path twice = Hojas.csv(dir, "doble.csv", StandardCharsets.UTF_8, false, "Serie,Nombre,serie\nA,B,C\n");
        assertThatThrownBy(() -> Hoja.abrir(twice, "doble.csv"))
                .isInstanceOf(ImportacionRechazada.class)
                .hasMessageContaining("repeats the column \"serie\" (columns A and C)");
        Path header = Hojas.csv(dir, "cabecera.csv", StandardCharsets.UTF_8, false, "Serie,Nombre\n");
        try (Hoja hoja = Hoja.abrir(header, "cabecera.csv")) {
            assertThat(Hojas.filas(hoja)).isEmpty();
        }
        Path xls = Files.write(
                dir.resolve("viejo.xls"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0});
        assertThatThrownBy(() -> Hoja.abrir(xls, "viejo.xls")).hasMessageContaining(".xls");
        Path notZip = Files.write(dir.resolve("roto.xlsx"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        assertThatThrownBy(() -> Hoja.abrir(notZip, "roto.xlsx")).isInstanceOf(ImportacionRechazada.class);
    }

    @Test
    void headersMapFromSpanishEnglishOurExportAndSpecColumns() {
        Mapeo mapeo = Mapeo.de(
                List.of("Número de serie", "Category", "Garantía hasta", "spec.RAM", "Specs: Service Tag", "Color", ""),
                Map.of());
        assertThat(mapeo.columnas())
                .extracting(Mapeo.Columna::campo)
                .containsExactly(
                        "numero_serie", "categoria", "garantia_hasta", "spec.ram", "spec.service_tag", null, null);
        Mapeo elegido = Mapeo.de(List.of("Serial", "Color"), Map.of("color", "spec.color", "serial", ""));
        assertThat(elegido.columnas()).extracting(Mapeo.Columna::campo).containsExactly(null, "spec.color");
        assertThat(Mapeo.de(List.of("spec.bitlocker_recovery_key"), Map.of())
                        .columnas()
                        .get(0)
                        .secreto())
                .isTrue();
        assertThatThrownBy(() -> Mapeo.de(List.of("Serie", "Serial"), Map.of()))
                .hasMessageContaining("both fill numero_serie");
        assertThatThrownBy(() -> Mapeo.de(List.of("Serie"), Map.of("Serie", "colour")))
                .hasMessageContaining("not a field");
        assertThatThrownBy(() -> Mapeo.de(List.of("Serie"), Map.of("Otra", "marca")))
                .hasMessageContaining("does not have: Otra");
    }

    @Test
    void ourExportsHeadersInBothLanguagesMapToTheirFields() throws Exception {
        for (String file : List.of("messages.properties", "messages_en.properties")) {
            java.util.Properties messages = new java.util.Properties();
            try (var in = getClass().getClassLoader().getResourceAsStream(file)) {
                messages.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (String key : messages.stringPropertyNames()) {
                if (key.startsWith("reportes.columna.")) {
                    String field = key.substring("reportes.columna.".length())
                            .replaceAll("([a-z])([A-Z])", "$1_$2")
                            .toLowerCase(java.util.Locale.ROOT);
                    assertThat(Mapeo.sugerir(messages.getProperty(key)))
                            .as(file + " " + key)
                            .isEqualTo(field);
                }
            }
        }
    }

    @Test
    void spreadsheetValues() {
        assertThat(Valores.fechaHoja("01/03/2024")).contains(LocalDate.of(2024, 3, 1));
        assertThat(Valores.fechaHoja("1/3/2024")).contains(LocalDate.of(2024, 3, 1));
        assertThat(Valores.fechaHoja("2024-03-01")).contains(LocalDate.of(2024, 3, 1));
        assertThat(Valores.fechaHoja("2024-03-01 00:00:00")).contains(LocalDate.of(2024, 3, 1));
        assertThatThrownBy(() -> Valores.fechaHoja("31/02/2024")).hasMessageContaining("calendar");
        assertThatThrownBy(() -> Valores.fechaHoja("March 1")).hasMessageContaining("dd/mm/yyyy");
        assertThat(Valores.importe("1.234,56")).contains(new BigDecimal("1234.56"));
        assertThat(Valores.importe("1,234.56")).contains(new BigDecimal("1234.56"));
        assertThat(Valores.importe("1250,5")).contains(new BigDecimal("1250.5"));
        assertThat(Valores.importe("$ 1.000.000")).contains(new BigDecimal("1000000"));
        assertThatThrownBy(() -> Valores.importe("mil")).hasMessageContaining("not a number");
        assertThat(HojaCsv.separador("a;b;\"c,d,e\"")).isEqualTo(';');
        assertThat(HojaCsv.separador("a\tb\tc,d")).isEqualTo('\t');
        assertThat(HojaCsv.separador("solo")).isEqualTo(',');
    }

    private static long usedHeap() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
