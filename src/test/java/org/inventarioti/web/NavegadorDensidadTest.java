package org.inventarioti.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.inventarioti.support.Filas;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Navegador;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13 in a real browser, at desktop and phone widths and in both languages: the top bar's box
 * opens an asset from its serial number, the labels page counts what the filters would print
 * before generating, and the asset list's page size is kept in the URL.
 */
@InventarioTest
class NavegadorDensidadTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void quickSearchLabelCountAndPageSize() throws Exception {
        Filas filas = new Filas(jdbc);
        String categoria = Filas.unico("Cat navegador densidad");
        long categoriaId = filas.categoria(categoria);
        Filas.Activo activo = filas.activo(categoriaId, "Denso A", "En reparación", null, null, null);
        filas.activo(categoriaId, "Denso B", "Activo", null, null, null);
        TestUsers.TestUser lector = users.create(Rol.LECTOR);
        int[][] tamanos = {{1366, 900}, {390, 844}};
        String[] idiomas = {"es", "en"};
        try (Navegador nav = Navegador.abrir("http://127.0.0.1:" + port)) {
            NavegadorTest.entrar(nav, lector.email(), TestUsers.PASSWORD);
            nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.id("panel-cifras")));
            for (int i = 0; i < tamanos.length; i++) {
                String lang = idiomas[i];
                nav.tamano(tamanos[i][0], tamanos[i][1]);
                nav.ir("/activos?lang=" + lang);
                var toggler = nav.driver().findElements(By.cssSelector(".navbar-toggler"));
                if (!toggler.isEmpty() && toggler.get(0).isDisplayed()) {
                    toggler.get(0).click();
                }
                nav.espera().until(ExpectedConditions.visibilityOfElementLocated(By.id("busqueda-rapida-q")));
                nav.driver()
                        .findElement(By.id("busqueda-rapida-q"))
                        .sendKeys("sn-" + activo.codigo().toLowerCase());
                nav.driver().findElement(By.id("busqueda-rapida-ir")).click();
                nav.espera().until(ExpectedConditions.urlContains("/activos/" + activo.codigo()));

                nav.ir("/etiquetas");
                new Select(nav.driver().findElement(By.id("etq-categoria"))).selectByVisibleText(categoria);
                nav.espera()
                        .until(ExpectedConditions.textToBePresentInElementLocated(
                                By.id("etq-cuantos"),
                                lang.equals("es") ? "Se imprimirán 2 etiquetas." : "2 labels will be printed."));
                nav.captura("densidad-etiquetas-" + tamanos[i][0] + "-" + lang);

                nav.ir("/activos?categoria_id=" + categoriaId);
                if (nav.driver().findElement(By.id("mostrar-filtros")).isDisplayed()) {
                    // On a phone the filters (the page size among them) fold behind a button.
                    nav.driver().findElement(By.id("mostrar-filtros")).click();
                    nav.espera().until(ExpectedConditions.visibilityOfElementLocated(By.id("filtro-tamano")));
                }
                new Select(nav.driver().findElement(By.id("filtro-tamano"))).selectByValue("25");
                nav.espera().until(ExpectedConditions.urlContains("size=25"));
                nav.espera()
                        .until(ExpectedConditions.presenceOfElementLocated(
                                By.cssSelector(".badge.estado.text-bg-warning")));
                assertThat(nav.driver()
                                .findElement(By.id("sel-" + activo.codigo()))
                                .getAttribute("form"))
                        .isEqualTo("seleccion-etiquetas");
                nav.captura("densidad-activos-" + tamanos[i][0] + "-" + lang);
            }
        }
    }
}
