package org.inventarioti.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.inventarioti.support.Filas;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Navegador;
import org.inventarioti.support.TestUsers;
import org.inventarioti.support.TestUsers.TestUser;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The browser flows against the real server: a headless Chromium signs in, reads, exports
 * and switches language as a person would. Screenshots of the main screens land in
 * target/screenshots/.
 */
@InventarioTest
class NavegadorTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    Navegador abrir() throws Exception {
        return Navegador.abrir("http://127.0.0.1:" + port);
    }

    static void entrar(Navegador nav, String email, String password) {
        nav.ir("/login");
        WebDriver d = nav.driver();
        d.findElement(By.id("email")).sendKeys(email);
        d.findElement(By.id("password")).sendKeys(password);
        d.findElement(By.id("entrar")).click();
    }

    static String texto(Navegador nav, String id) {
        return nav.driver().findElement(By.id(id)).getText();
    }

    @Test
    void signInSeeTheDashboardSwitchLanguageAndSignOut() throws Exception {
        Filas filas = new Filas(jdbc);
        long categoria = filas.categoria(Filas.unico("Servidores navegador"));
        filas.activo(categoria, "PowerEdge", "Activo", "CPD", new BigDecimal("4200"), "EUR");
        filas.activo(categoria, "ProLiant", "En reparación", "CPD", new BigDecimal("3900"), "EUR");
        TestUser admin = users.create(Rol.ADMIN);
        try (Navegador nav = abrir()) {
            nav.ir("/");
            nav.espera().until(ExpectedConditions.urlContains("/login"));
            nav.captura("01-login");

            entrar(nav, admin.email(), "not-the-password");
            nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.id("login-error")));
            assertThat(texto(nav, "login-error")).isEqualTo("Correo o contraseña incorrectos.");

            entrar(nav, admin.email(), TestUsers.PASSWORD);
            nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.id("panel-cifras")));
            assertThat(nav.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Panel");
            assertThat(texto(nav, "usuario-rol")).isEqualTo("Administrador");
            nav.espera().until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d)
                    .executeScript("return typeof Chart !== 'undefined' && !!Chart.getChart('grafico-estado')"));
            nav.captura("02-panel");

            nav.driver().findElement(By.id("idioma-en")).click();
            nav.espera().until(ExpectedConditions.textToBe(By.tagName("h1"), "Dashboard"));
            assertThat(texto(nav, "usuario-rol")).isEqualTo("Administrator");
            nav.ir("/reportes");
            assertThat(nav.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Reports");
            nav.driver().findElement(By.id("idioma-es")).click();
            nav.espera().until(ExpectedConditions.textToBe(By.tagName("h1"), "Reportes"));

            nav.driver().findElement(By.id("usuario-actual")).click();
            nav.espera()
                    .until(ExpectedConditions.elementToBeClickable(By.id("salir")))
                    .click();
            nav.espera().until(ExpectedConditions.urlContains("/login?salida"));
            nav.ir("/");
            nav.espera().until(ExpectedConditions.urlContains("/login"));
        }
    }

    @Test
    void theLockOutIsExplained() throws Exception {
        TestUser lector = users.create(Rol.LECTOR);
        try (Navegador nav = abrir()) {
            for (int i = 0; i < 5; i++) {
                entrar(nav, lector.email(), "wrong-password-" + i);
            }
            entrar(nav, lector.email(), TestUsers.PASSWORD);
            nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.id("login-error")));
            assertThat(texto(nav, "login-error"))
                    .startsWith("Cuenta bloqueada temporalmente")
                    .contains("15 minuto(s)");
        }
    }

    @Test
    void filterAReportExportItToExcelAndPrintLabels() throws Exception {
        Filas filas = new Filas(jdbc);
        String categoria = Filas.unico("Portátiles navegador");
        long categoriaId = filas.categoria(categoria);
        List<Filas.Activo> activos = List.of(
                filas.activo(categoriaId, "Latitude A", "Activo", "Soporte", new BigDecimal("999.99"), "EUR"),
                filas.activo(categoriaId, "Latitude B", "En almacén", "Soporte", null, null),
                filas.activo(categoriaId, "Latitude C", "Activo", "Redes", new BigDecimal("10"), "EUR"));
        TestUser tecnico = users.create(Rol.TECNICO);
        try (Navegador nav = abrir()) {
            entrar(nav, tecnico.email(), TestUsers.PASSWORD);
            nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.id("panel-cifras")));
            nav.ir("/reportes/detalle");
            new Select(nav.driver().findElement(By.id("filtro-categoria"))).selectByVisibleText(categoria);
            nav.espera()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.id("detalle-total"), "Activos que cumplen los filtros: 3."));
            assertThat(nav.driver().getCurrentUrl()).contains("categoria_id=" + categoriaId);
            nav.captura("03-reporte-detallado");

            nav.driver().findElement(By.id("exportar-xlsx")).click();
            Path xlsx = nav.descarga(".xlsx");
            assertThat(xlsx.getFileName().toString()).startsWith("inventario-detalle-");
            try (InputStream in = Files.newInputStream(xlsx);
                    ReadableWorkbook workbook = new ReadableWorkbook(in)) {
                List<Row> rows = workbook.getFirstSheet().read();
                assertThat(rows).hasSize(4);
                assertThat(rows.subList(1, 4).stream().map(r -> r.getCellText(0)))
                        .containsExactlyInAnyOrderElementsOf(
                                activos.stream().map(Filas.Activo::codigo).toList());
                assertThat(rows.stream().map(r -> r.getCellText(1))).contains("Latitude A", "Latitude B", "Latitude C");
            }

            nav.ir("/etiquetas");
            new Select(nav.driver().findElement(By.id("etq-categoria"))).selectByVisibleText(categoria);
            nav.captura("04-etiquetas");
            nav.driver().findElement(By.id("generar-etiquetas")).click();
            Path pdf = nav.descarga(".pdf");
            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                String text = new PDFTextStripper().getText(document);
                for (Filas.Activo activo : activos) {
                    assertThat(text).contains(activo.codigo());
                }
                assertThat(text).contains("Latitude A", "N/S SN-");
            }
        }
    }

    @Test
    void theScannerFallsBackToTypingTheCode() throws Exception {
        TestUser lector = users.create(Rol.LECTOR);
        try (Navegador nav = abrir()) {
            entrar(nav, lector.email(), TestUsers.PASSWORD);
            nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.id("panel-cifras")));
            nav.ir("/etiquetas/escaner");
            var iniciar = nav.driver().findElements(By.id("escaner-iniciar"));
            if (!iniciar.isEmpty() && iniciar.get(0).isDisplayed()) {
                iniciar.get(0).click();
            }
            nav.espera()
                    .until(d ->
                            !d.findElement(By.id("escaner-estado")).getText().isEmpty());
            assertThat(texto(nav, "escaner-estado"))
                    .isIn(
                            "No hay cámara disponible en este navegador. Escriba el código del activo.",
                            "No se concedió el permiso de la cámara. Escriba el código del activo.");
            nav.captura("05-escaner");
            nav.driver().findElement(By.id("codigo-manual")).sendKeys("TI-000042");
            nav.driver().findElement(By.id("abrir-codigo")).click();
            nav.espera().until(ExpectedConditions.urlContains("/activos/TI-000042"));
        }
    }

    @Test
    void aReaderSeesNoAdministrationAndIsRefusedIt() throws Exception {
        TestUser lector = users.create(Rol.LECTOR);
        try (Navegador nav = abrir()) {
            entrar(nav, lector.email(), TestUsers.PASSWORD);
            nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.id("panel-cifras")));
            assertThat(nav.driver().findElements(By.id("menu-admin"))).isEmpty();
            assertThat(texto(nav, "usuario-rol")).isEqualTo("Lector");
            nav.ir("/usuarios/nuevo");
            assertThat(texto(nav, "error-estado")).isEqualTo("Error 403");
            assertThat(texto(nav, "error-texto")).startsWith("No tiene permiso");
            assertThat(nav.driver().findElement(By.id("contenido")).getText())
                    .containsPattern("Referencia de la petición: [0-9a-f-]{36}");
            nav.captura("06-lector-sin-permiso");
        }
    }

    @Test
    void onAPhoneTheMenuFolds() throws Exception {
        TestUser admin = users.create(Rol.ADMIN);
        try (Navegador nav = abrir()) {
            nav.tamano(390, 844);
            entrar(nav, admin.email(), TestUsers.PASSWORD);
            nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.id("panel-cifras")));
            assertThat(nav.driver().findElement(By.id("nav-reportes")).isDisplayed())
                    .isFalse();
            nav.captura("07-movil-panel");
            nav.driver().findElement(By.cssSelector(".navbar-toggler")).click();
            nav.espera().until(ExpectedConditions.attributeContains(By.id("nav-principal"), "class", "show"));
            nav.espera().until(ExpectedConditions.visibilityOfElementLocated(By.id("usuario-actual")));
            nav.captura("08-movil-menu");
            nav.driver().findElement(By.id("nav-reportes")).click();
            nav.espera().until(ExpectedConditions.textToBe(By.tagName("h1"), "Reportes"));
        }
    }
}
