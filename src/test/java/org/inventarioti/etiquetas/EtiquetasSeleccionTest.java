package org.inventarioti.etiquetas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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

/**
 * Labels never fail silently (issue 13): a filter matching more than one PDF holds is said on the
 * page before generating and refused with its parts offered, each part prints its own range; the
 * asset list's ticked rows print; the spec filters of the asset list work on the labels page.
 */
@InventarioTest
class EtiquetasSeleccionTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    Filas filas;
    long categoria;
    RequestPostProcessor lector;

    @BeforeEach
    void datos() {
        filas = new Filas(jdbc);
        categoria = filas.categoria(Filas.unico("Cat lote"));
        lector = Sesiones.de(users.create(Rol.LECTOR));
    }

    /** {@code n} assets of the category in one statement, codes LOTE-<cat>-00001…, ordered as printed. */
    void lote(int n) {
        jdbc.sql("""
                        INSERT INTO activos (codigo, categoria_id, nombre, numero_serie, estado, especificaciones)
                        SELECT 'LOTE-' || :cat || '-' || lpad(i::text, 5, '0'), :cat, 'Lote ' || i,
                               'SN-LOTE-' || :cat || '-' || i, 'Activo', '{}'
                        FROM generate_series(1, :n) i""").param("cat", categoria).param("n", n).update();
    }

    String codigo(int i) {
        return "LOTE-" + categoria + "-" + String.format("%05d", i);
    }

    @Test
    void aFilterOverTheCapIsSaidBeforeGeneratingAndPrintedInParts() throws Exception {
        lote(EtiquetaService.MAXIMO + 1);
        assertThat(mvc.get()
                        .uri("/etiquetas/recuento?lang=es&categoria_id=" + categoria)
                        .with(lector))
                .hasStatusOk()
                .bodyText()
                .contains("1.001 activos cumplen los filtros; un PDF lleva como mucho 1.000 etiquetas")
                .contains("en 2 partes", "Parte 2: activos 1.001 a 1.001")
                .contains("/etiquetas/pdf?lang=es&amp;categoria_id=" + categoria + "&amp;parte=2");
        assertThat(mvc.get()
                        .uri("/etiquetas/recuento?lang=en&categoria_id=" + categoria)
                        .with(lector))
                .bodyText()
                .contains("1,001 assets match the filters; one PDF holds at most 1,000 labels")
                .contains("Part 1: assets 1 to 1,000");

        for (String lang : new String[] {"es", "en"}) {
            assertThat(mvc.get()
                            .uri("/etiquetas/pdf?lang=" + lang + "&categoria_id=" + categoria)
                            .with(lector))
                    .hasStatus(422)
                    .bodyText()
                    .contains(
                            lang.equals("es")
                                    ? "No se imprimió nada: 1.001 activos cumplen los filtros"
                                    : "Nothing was printed: 1,001 assets match the filters")
                    .contains("id=\"etq-parte-2\"");
        }

        MvcTestResult segunda = mvc.get()
                .uri("/etiquetas/pdf?categoria_id=" + categoria + "&parte=2")
                .with(lector)
                .exchange();
        assertThat(segunda).hasStatusOk().hasContentType("application/pdf");
        assertThat(segunda.getResponse().getHeader("Content-Disposition")).contains("-2-de-2.pdf");
        try (PDDocument pdf = Loader.loadPDF(segunda.getResponse().getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(codigo(1001)).doesNotContain(codigo(1000));
        }
        MvcTestResult primera = mvc.get()
                .uri("/etiquetas/pdf?categoria_id=" + categoria + "&parte=1")
                .with(lector)
                .exchange();
        try (PDDocument pdf = Loader.loadPDF(primera.getResponse().getContentAsByteArray())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(42); // 1 000 labels, 24 a sheet
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(codigo(1), codigo(1000)).doesNotContain(codigo(1001));
        }
        assertThat(mvc.get()
                        .uri("/etiquetas/pdf?categoria_id=" + categoria + "&parte=3")
                        .with(lector))
                .hasStatus(422);
        assertThat(mvc.get()
                        .uri("/etiquetas/pdf?categoria_id=" + categoria + "&parte=0")
                        .with(lector))
                .hasStatus(400);
        assertThat(mvc.get()
                        .uri("/etiquetas/pdf?categoria_id=" + categoria + "&parte=x")
                        .with(lector))
                .hasStatus(400);
    }

    @Test
    void aFilterUnderTheCapIsCountedAndAnEmptyOneIsExplained() {
        lote(3);
        assertThat(mvc.get()
                        .uri("/etiquetas/recuento?categoria_id=" + categoria)
                        .with(lector))
                .bodyText()
                .contains("Se imprimirán 3 etiquetas.")
                .doesNotContain("etq-parte-");
        assertThat(mvc.get()
                        .uri("/etiquetas/recuento?lang=en")
                        .param("codigo", "A,B c")
                        .with(lector))
                .bodyText()
                .contains("The labels of 3 codes will be printed.");
        assertThat(mvc.get()
                        .uri("/etiquetas/pdf?q=nada-coincide-" + categoria + "&categoria_id=" + categoria)
                        .with(lector))
                .hasStatus(422)
                .bodyText()
                .contains("No se imprimió nada: ningún activo cumple los filtros.")
                .contains("value=\"nada-coincide-" + categoria + "\"");
    }

    @Test
    void theTickedRowsOfTheAssetListArePrinted() throws Exception {
        lote(3);
        for (Rol rol : Rol.values()) {
            assertThat(mvc.get().uri("/activos?categoria_id=" + categoria).with(Sesiones.de(users.create(rol))))
                    .hasStatusOk()
                    .bodyText()
                    .contains("id=\"seleccion-etiquetas\"", "action=\"/etiquetas/pdf\"")
                    .contains("form=\"seleccion-etiquetas\"", "value=\"" + codigo(2) + "\"", "Imprimir etiquetas");
        }
        MvcTestResult result = mvc.post()
                .uri("/etiquetas/pdf")
                .param("seleccion", "1")
                .param("codigo", codigo(1), codigo(3))
                .with(csrf())
                .with(lector)
                .exchange();
        assertThat(result).hasStatusOk().hasContentType("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(pdf))
                    .contains(codigo(1), codigo(3))
                    .doesNotContain(codigo(2));
        }
        assertThat(mvc.post()
                        .uri("/etiquetas/pdf?lang=en")
                        .param("seleccion", "1")
                        .with(csrf())
                        .with(lector))
                .hasStatus(422)
                .bodyText()
                .contains("Nothing was printed: tick at least one asset in the list.");
    }

    @Test
    void theLabelsPageOffersTheSpecFiltersOfTheAssetList() throws Exception {
        Filas.Activo dieciseis = filas.activo(categoria, "Con 16", "Activo", null, null, null);
        Filas.Activo ocho = filas.activo(categoria, "Con 8", "Activo", null, null, null);
        jdbc.sql("UPDATE activos SET especificaciones = '{\"ram\": \"8GB\"}' WHERE id = ?")
                .param(ocho.id())
                .update();
        assertThat(mvc.get().uri("/etiquetas").with(lector))
                .hasStatusOk()
                .bodyText()
                .contains("name=\"spec_clave\"", "name=\"spec_valor\"", "list=\"claves-especificacion\"")
                .contains("<option value=\"ram\">");
        MvcTestResult result = mvc.get()
                .uri("/etiquetas/pdf?categoria_id=" + categoria + "&spec_clave=ram&spec_valor=16 gb")
                .with(lector)
                .exchange();
        assertThat(result).hasStatusOk();
        try (PDDocument pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(pdf))
                    .contains(dieciseis.codigo())
                    .doesNotContain(ocho.codigo());
        }
        assertThat(mvc.get()
                        .uri("/etiquetas/recuento?categoria_id=" + categoria + "&spec_clave=ram&spec_valor=8GB")
                        .with(lector))
                .bodyText()
                .contains("Se imprimirán 1 etiquetas.");
    }

    @Test
    void theScannerAcceptsTheSerialPrintedOnTheLabel() {
        Filas.Activo activo = filas.activo(categoria, "Con serie", "Activo", null, null, null);
        assertThat(mvc.get()
                        .uri("/etiquetas/ir")
                        .param("codigo", " sn-" + activo.codigo().toLowerCase(java.util.Locale.ROOT) + " ")
                        .with(lector))
                .hasStatus(302)
                .hasRedirectedUrl("/activos/" + activo.codigo());
    }
}
