package org.inventarioti.etiquetas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
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

@InventarioTest
class EtiquetaControllerTest {

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
        categoria = filas.categoria(Filas.unico("Cat etiquetas"));
        lector = Sesiones.de(users.create(Rol.LECTOR));
    }

    @Test
    void theQrCodeHoldsTheAssetUrlAndNothingElse() throws Exception {
        Filas.Activo activo = filas.activo(categoria, "Portátil QR", "Activo", null, null, null);
        MvcTestResult result = mvc.get()
                .uri("/etiquetas/" + activo.codigo() + ".svg")
                .with(lector)
                .exchange();
        assertThat(result).hasStatusOk().hasContentType("image/svg+xml");
        String svg = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Qr.leerSvg(svg)).isEqualTo("http://localhost/activos/" + activo.codigo());
        assertThat(mvc.get().uri("/etiquetas/NO-EXISTE.svg").with(lector)).hasStatus(404);
        assertThat(mvc.get().uri("/etiquetas/" + activo.codigo() + ".svg")).hasStatus(302);
    }

    @Test
    void theUrlFollowsTheAddressTheBrowserUsed() throws Exception {
        Filas.Activo activo = filas.activo(categoria, "Tras proxy", "Activo", null, null, null);
        String svg = mvc.get()
                .uri("https://inventario.example.org:8443/etiquetas/" + activo.codigo() + ".svg")
                .with(lector)
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Qr.leerSvg(svg)).isEqualTo("https://inventario.example.org:8443/activos/" + activo.codigo());
    }

    @Test
    void anA4SheetHasTwentyFourLabelsPerPageWithCodeNameAndSerial() throws Exception {
        String nombre = Filas.unico("Monitor");
        for (int i = 0; i < 25; i++) {
            filas.activo(categoria, nombre + " " + i, "Activo", null, null, null);
        }
        MvcTestResult result = mvc.get()
                .uri("/etiquetas/pdf?categoria_id=" + categoria)
                .with(lector)
                .exchange();
        assertThat(result)
                .hasStatusOk()
                .hasContentType("application/pdf")
                .hasHeader("Content-Disposition", "inline; filename=\"etiquetas-" + LocalDate.now() + ".pdf\"");
        try (PDDocument pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            assertThat(pdf.getPage(0).getMediaBox().getWidth())
                    .isCloseTo(595f, org.assertj.core.data.Offset.offset(1f));
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(nombre + " 0", nombre + " 24", "N/S SN-T-");
        }
    }

    @Test
    void aSmallLabelPerPageScansBackToTheAsset() throws Exception {
        Filas.Activo activo = filas.activo(
                categoria,
                "Servidor con un nombre muy largo que no cabe en la etiqueta pequeña de ningún modo",
                "Activo",
                null,
                null,
                null);
        MvcTestResult result = mvc.get()
                .uri("/etiquetas/pdf?formato=pequena&codigo=" + activo.codigo() + "&lang=en")
                .with(lector)
                .exchange();
        try (PDDocument pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(pdf.getPage(0).getMediaBox().getWidth())
                    .isCloseTo(175.7f, org.assertj.core.data.Offset.offset(1f));
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(activo.codigo(), "S/N SN-" + activo.codigo(), "…");
            var image = new PDFRenderer(pdf).renderImageWithDPI(0, 300);
            assertThat(Qr.leer(image)).isEqualTo("http://localhost/activos/" + activo.codigo());
        }
    }

    @Test
    void aSelectionPostedByAFormNeedsItsCsrfToken() throws Exception {
        Filas.Activo uno = filas.activo(categoria, "Uno", "Activo", null, null, null);
        Filas.Activo dos = filas.activo(categoria, "Dos", "Activo", null, null, null);
        filas.activo(categoria, "Tres", "Activo", null, null, null);
        MvcTestResult result = mvc.post()
                .uri("/etiquetas/pdf")
                .param("codigo", uno.codigo(), dos.codigo(), uno.codigo())
                .with(csrf())
                .with(lector)
                .exchange();
        assertThat(result).hasStatusOk();
        try (PDDocument pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(uno.codigo(), dos.codigo()).doesNotContain("Tres");
            assertThat(text.split(uno.codigo(), -1)).hasSize(3);
        }
        assertThat(mvc.post()
                        .uri("/etiquetas/pdf")
                        .param("codigo", uno.codigo())
                        .with(lector))
                .hasStatus(403);
    }

    @Test
    void severalCodesInOneFieldArePrintedAndUnknownOnesAreNamedInsteadOfABlankSheet() throws Exception {
        Filas.Activo uno = filas.activo(categoria, "Uno", "Activo", null, null, null);
        Filas.Activo dos = filas.activo(categoria, "Dos", "Activo", null, null, null);
        MvcTestResult result = mvc.post()
                .uri("/etiquetas/pdf")
                .param("codigo", uno.codigo() + ", " + dos.codigo().toLowerCase(java.util.Locale.ROOT))
                .with(csrf())
                .with(lector)
                .exchange();
        assertThat(result).hasStatusOk();
        try (PDDocument pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains(uno.codigo(), dos.codigo());
        }
        for (String lang : new String[] {"es", "en"}) {
            assertThat(mvc.post()
                            .uri("/etiquetas/pdf?lang=" + lang)
                            .param("codigo", uno.codigo() + " TI-NO-EXISTE")
                            .with(csrf())
                            .with(lector))
                    .hasStatus(422)
                    .bodyText()
                    .contains(
                            lang.equals("es")
                                    ? "No se imprimió nada: no existe ningún activo con estos códigos: TI-NO-EXISTE."
                                    : "Nothing was printed: there is no asset with these codes: TI-NO-EXISTE.")
                    .contains("value=\"" + uno.codigo() + " TI-NO-EXISTE\"", "is-invalid");
        }
    }

    @Test
    void badParametersAreRefused() {
        assertThat(mvc.get().uri("/etiquetas/pdf?formato=A3").with(lector)).hasStatus(400);
        assertThat(mvc.get().uri("/etiquetas/pdf?categoria_id=x").with(lector)).hasStatus(400);
        String[] muchos = new String[EtiquetaService.MAXIMO + 1];
        for (int i = 0; i < muchos.length; i++) {
            muchos[i] = "C" + i;
        }
        assertThat(mvc.post()
                        .uri("/etiquetas/pdf")
                        .param("codigo", muchos)
                        .with(csrf())
                        .with(lector))
                .hasStatus(400);
    }

    @Test
    void everyRoleUsesTheLabelAndScannerPages() {
        for (Rol rol : Rol.values()) {
            RequestPostProcessor session = Sesiones.de(users.create(rol));
            assertThat(mvc.get().uri("/etiquetas").with(session))
                    .hasStatusOk()
                    .bodyText()
                    .contains("Etiquetas QR", "action=\"/etiquetas/pdf\"", "Cat etiquetas");
            assertThat(mvc.get().uri("/etiquetas/escaner").with(session))
                    .hasStatusOk()
                    .bodyText()
                    .contains(
                            "data-decodificador=\"/recursos/vendor/jsqr/jsQR.js\"",
                            "id=\"codigo-manual\"",
                            "/recursos/js/escaner.js",
                            "No se concedió el permiso de la cámara.");
        }
        assertThat(mvc.get().uri("/recursos/vendor/jsqr/jsQR.js")).hasStatusOk();
        assertThat(mvc.get().uri("/recursos/js/escaner.js")).hasStatusOk();
    }

    @Test
    void aTypedCodeOpensTheAssetPage() {
        assertThat(mvc.get().uri("/etiquetas/ir?codigo= TI-000123 ").with(lector))
                .hasStatus(302)
                .hasRedirectedUrl("/activos/TI-000123");
        assertThat(mvc.get().uri("/etiquetas/ir").param("codigo", "a b/../c").with(lector))
                .hasRedirectedUrl("/activos/a%20b%2F..%2Fc");
        assertThat(mvc.get().uri("/etiquetas/ir?codigo=").with(lector)).hasRedirectedUrl("/etiquetas/escaner");
        assertThat(mvc.get()
                        .uri("/etiquetas/ir")
                        .param("codigo", "//evil.example")
                        .with(lector))
                .hasRedirectedUrl("/activos/%2F%2Fevil.example");
    }
}
