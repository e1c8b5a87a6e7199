package org.inventarioti.reportes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.inventarioti.support.Filas;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Sesiones;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@InventarioTest
class ReporteWebControllerTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    long categoria;
    String nombreCategoria;
    RequestPostProcessor lector;

    @BeforeEach
    void datos() {
        Filas filas = new Filas(jdbc);
        nombreCategoria = Filas.unico("Cat reporte");
        categoria = filas.categoria(nombreCategoria);
        filas.activo(
                categoria,
                "Portátil uno",
                "Activo",
                "Finanzas",
                new BigDecimal("1200.00"),
                "EUR",
                LocalDate.of(2024, 3, 1),
                null);
        filas.activo(categoria, "=HYPERLINK(\"http://x\")", "En almacén", "Finanzas", null, null);
        filas.activo(categoria, "Servidor, \"grande\"", "Activo", "", new BigDecimal("5000"), "USD");
        lector = Sesiones.de(users.create(Rol.LECTOR));
    }

    @Test
    void everyRoleSeesEveryReport() {
        for (Rol rol : Rol.values()) {
            RequestPostProcessor session = Sesiones.de(users.create(rol));
            for (String tipo : List.of("estado", "categoria", "area", "detalle")) {
                assertThat(mvc.get().uri("/reportes/" + tipo).with(session))
                        .hasStatusOk()
                        .bodyText()
                        .contains("Reportes", "id=\"tipo-detalle\"", "id=\"exportar-xlsx\"");
            }
            assertThat(mvc.get().uri("/reportes").with(session)).hasStatusOk();
        }
    }

    @Test
    void theFiltersNarrowTheReportAndHtmxGetsOnlyTheResults() {
        MvcTestResult fragment = mvc.get()
                .uri("/reportes/area?categoria_id=" + categoria)
                .header("HX-Request", "true")
                .with(lector)
                .exchange();
        assertThat(fragment)
                .hasStatusOk()
                .bodyText()
                .contains("id=\"resultado\"", "Finanzas", "(sin área)", "1.200,00", "5.000,00")
                .doesNotContain("<html", "id=\"filtros-reporte\"");
        assertThat(fragment).bodyText().contains("href=\"/reportes/area.xlsx?categoria_id=" + categoria + "\"");
        assertThat(mvc.get()
                        .uri("/reportes/detalle?q=portátil uno&categoria_id=" + categoria)
                        .with(lector))
                .bodyText()
                .contains("Portátil uno", "Activos que cumplen los filtros: 1.")
                .doesNotContain("Servidor, &quot;grande&quot;");
        assertThat(mvc.get()
                        .uri("/reportes/estado?categoria_id=" + categoria + "&estado=Activo&lang=en")
                        .with(lector))
                .bodyText()
                .contains("In use", "By status");
    }

    @Test
    void badFiltersAreRefused() {
        assertThat(mvc.get().uri("/reportes/detalle?estado=Roto").with(lector)).hasStatus(400);
        assertThat(mvc.get().uri("/reportes/detalle?fecha_compra_desde=ayer").with(lector))
                .hasStatus(400);
        assertThat(mvc.get().uri("/reportes/detalle?categoria_id=uno").with(lector))
                .hasStatus(400);
        assertThat(mvc.get()
                        .uri("/reportes/detalle?fecha_compra_desde=2024-02-01&fecha_compra_hasta=2024-01-01")
                        .with(lector))
                .hasStatus(400);
        assertThat(mvc.get().uri("/reportes/detalle?nada=1").with(lector)).hasStatus(400);
        assertThat(mvc.get().uri("/reportes/otro").with(lector)).hasStatus(404);
        assertThat(mvc.get().uri("/reportes/otro.xlsx").with(lector)).hasStatus(404);
    }

    @Test
    void theDetailExportsToExcelWithRealNumbersAndDates() throws Exception {
        MvcTestResult result = mvc.get()
                .uri("/reportes/detalle.xlsx?categoria_id=" + categoria)
                .with(lector)
                .exchange();
        assertThat(result)
                .hasStatusOk()
                .hasContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .hasHeader(
                        "Content-Disposition",
                        "attachment; filename=\"inventario-detalle-" + LocalDate.now() + ".xlsx\"");
        try (ReadableWorkbook workbook = new ReadableWorkbook(
                new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(4);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Código");
            assertThat(rows.get(0).getCellText(2)).isEqualTo("Categoría");
            Row portatil = rows.stream()
                    .filter(r -> "Portátil uno".equals(r.getCellText(1)))
                    .findFirst()
                    .orElseThrow();
            assertThat(portatil.getCellText(2)).isEqualTo(nombreCategoria);
            assertThat(portatil.getCellAsNumber(13).orElseThrow()).isEqualByComparingTo("1200");
            assertThat(portatil.getCellAsDate(11))
                    .hasValueSatisfying(d -> assertThat(d.toLocalDate()).isEqualTo(LocalDate.of(2024, 3, 1)));
            assertThat(rows.get(0).getCellText(16)).isEqualTo("spec.ram");
            assertThat(portatil.getCellText(16)).isEqualTo("16GB");
            assertThat(rows.get(0).getCellCount()).isEqualTo(17);
            assertThat(rows.stream().map(r -> r.getCellText(1)))
                    .contains("=HYPERLINK(\"http://x\")", "Servidor, \"grande\"");
        }
    }

    @Test
    void theDetailHasOneColumnPerSpecKeyOfTheCategoryOrOfAllTheExportedCategories() throws Exception {
        Filas filas = new Filas(jdbc);
        String area = Filas.unico("Área specs");
        long portatiles = filas.categoria(Filas.unico("Cat specs"));
        jdbc.sql("""
                        UPDATE categorias SET esquema = '{"type": "object", "properties": {"ram": {"type": "string"},
                            "disco_gb": {"type": "integer"}, "so": {"type": "string"}}}' WHERE id = ?""").param(portatiles).update();
        long monitores = filas.categoria(Filas.unico("Cat monitores"));
        Filas.Activo portatil = filas.activo(portatiles, "Con specs", "Activo", area, null, null);
        jdbc.sql("""
                        UPDATE activos SET especificaciones = '{"ram": "16GB", "disco_gb": 512, "red": {"mac": "aa:bb"}}'
                        WHERE id = ?""").param(portatil.id()).update();
        Filas.Activo monitor = filas.activo(monitores, "Monitor", "Activo", area, null, null);
        jdbc.sql("UPDATE activos SET especificaciones = '{\"pulgadas\": 27.5}' WHERE id = ?")
                .param(monitor.id())
                .update();

        List<Row> una = filasXlsx("/reportes/detalle.xlsx?categoria_id=" + portatiles);
        assertThat(cabecera(una)).endsWith("BitLocker", "spec.disco_gb", "spec.ram", "spec.red", "spec.so");
        Row fila = una.get(1);
        assertThat(fila.getCellText(0)).isEqualTo(portatil.codigo());
        assertThat(fila.getCellAsNumber(16).orElseThrow()).isEqualByComparingTo("512");
        assertThat(fila.getCellText(17)).isEqualTo("16GB");
        assertThat(fila.getCellText(18)).isEqualTo("{\"mac\":\"aa:bb\"}");
        assertThat(fila.getCellText(19)).isEmpty();

        List<Row> ambas = filasXlsx("/reportes/detalle.xlsx?area=" + area);
        assertThat(cabecera(ambas))
                .endsWith("spec.disco_gb", "spec.pulgadas", "spec.ram", "spec.red", "spec.so")
                .doesNotContain("Especificaciones");
        Row delMonitor = ambas.stream()
                .filter(r -> monitor.codigo().equals(r.getCellText(0)))
                .findFirst()
                .orElseThrow();
        assertThat(delMonitor.getCellAsNumber(17).orElseThrow()).isEqualByComparingTo("27.5");
        assertThat(delMonitor.getCellText(18)).isEmpty();

        String csv = mvc.get()
                .uri("/reportes/detalle.csv?area=" + area + "&lang=en")
                .with(lector)
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n")[0]).endsWith(",BitLocker,spec.disco_gb,spec.pulgadas,spec.ram,spec.red,spec.so");
        assertThat(csv).contains(",512,,16GB,\"{\"\"mac\"\":\"\"aa:bb\"\"}\",");
    }

    private List<Row> filasXlsx(String uri) throws Exception {
        MvcTestResult result = mvc.get().uri(uri).with(lector).exchange();
        assertThat(result).hasStatusOk();
        try (ReadableWorkbook workbook = new ReadableWorkbook(
                new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            return workbook.getFirstSheet().read();
        }
    }

    private static List<String> cabecera(List<Row> filas) {
        Row primera = filas.get(0);
        return java.util.stream.IntStream.range(0, primera.getCellCount())
                .mapToObj(primera::getCellText)
                .toList();
    }

    @Test
    void theDetailExportsToCsvSafeForSpreadsheets() throws Exception {
        MvcTestResult result = mvc.get()
                .uri("/reportes/detalle.csv?categoria_id=" + categoria + "&lang=en")
                .with(lector)
                .exchange();
        assertThat(result)
                .hasStatusOk()
                .hasHeader(
                        "Content-Disposition",
                        "attachment; filename=\"inventario-detalle-" + LocalDate.now() + ".csv\"");
        String csv = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFCode,Name,Category,");
        assertThat(csv.split("\r\n")).hasSize(4);
        assertThat(csv)
                .contains(",'=HYPERLINK(\"\"http://x\"\")\",".replace(",'=", ",\"'="))
                .contains("\"Servidor, \"\"grande\"\"\"")
                .contains(",1200.00,EUR,");
    }

    @Test
    void summariesExportWithOneValueColumnPerCurrency() throws Exception {
        MvcTestResult result = mvc.get()
                .uri("/reportes/estado.xlsx?categoria_id=" + categoria)
                .with(lector)
                .exchange();
        try (ReadableWorkbook workbook = new ReadableWorkbook(
                new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Estado");
            assertThat(rows.get(0).getCellText(2)).isEqualTo("Valor EUR");
            assertThat(rows.get(0).getCellText(3)).isEqualTo("Valor USD");
            Row activo = rows.stream()
                    .filter(r -> "Activo".equals(r.getCellText(0)))
                    .findFirst()
                    .orElseThrow();
            assertThat(activo.getCellAsNumber(1).orElseThrow()).isEqualByComparingTo("2");
            assertThat(activo.getCellAsNumber(2).orElseThrow()).isEqualByComparingTo("1200");
            assertThat(activo.getCellAsNumber(3).orElseThrow()).isEqualByComparingTo("5000");
        }
        String csv = mvc.get()
                .uri("/reportes/area.csv?categoria_id=" + categoria)
                .with(lector)
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("Finanzas,2,1200.00,").contains("(sin área),1,,5000");
    }
}
