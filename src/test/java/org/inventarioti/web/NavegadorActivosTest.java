package org.inventarioti.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
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

/**
 * The asset pages in a real browser: a technician creates a laptop through the fields its schema
 * generates (a missing required spec is refused next to its field), finds it by search and by a
 * spec filter; a reader sees no edit controls and is refused the edit page.
 */
@InventarioTest
class NavegadorActivosTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    Navegador abrir() throws Exception {
        return Navegador.abrir("http://127.0.0.1:" + port);
    }

    static void escribir(WebDriver d, String id, String texto) {
        d.findElement(By.id(id)).clear();
        d.findElement(By.id(id)).sendKeys(texto);
    }

    /** Bootstrap scrolls smoothly; the element is brought into view at once before the click. */
    static void pulsar(WebDriver d, By by) {
        var el = d.findElement(by);
        ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", el);
        el.click();
    }

    @Test
    void createFindAndReadAnAsset() throws Exception {
        String sufijo = UUID.randomUUID().toString().substring(0, 8);
        String serie = "SN-NAV-" + sufijo;
        String cpu = "Intel i7 " + sufijo;
        TestUser tecnico = users.create(Rol.TECNICO);
        TestUser lector = users.create(Rol.LECTOR);
        String codigo;
        try (Navegador nav = abrir()) {
            WebDriver d = nav.driver();
            NavegadorTest.entrar(nav, tecnico.email(), TestUsers.PASSWORD);
            nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.id("panel-cifras")));
            d.findElement(By.id("nav-activos")).click();
            nav.espera().until(ExpectedConditions.textToBe(By.tagName("h1"), "Activos"));
            d.findElement(By.id("nuevo-activo")).click();
            nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.id("esp-sin-categoria")));

            new Select(d.findElement(By.id("categoria_id"))).selectByVisibleText("Laptop");
            nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.id("esp-cpu")));
            assertThat(d.findElement(By.cssSelector("label[for=esp-ram]")).getText())
                    .contains("Ram", "*");
            assertThat(d.findElement(By.id("esp-ram-ayuda")).getText()).isEqualTo("Memoria, p. ej. 16GB");
            assertThat(d.findElements(By.id("esp-service_tag"))).hasSize(1);

            escribir(d, "nombre", "Portátil del navegador");
            escribir(d, "numero_serie", serie);
            escribir(d, "esp-cpu", cpu);
            new Select(d.findElement(By.id("bitlocker"))).selectByValue("enabled");
            pulsar(d, By.id("guardar-activo"));
            nav.espera()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.id("especificaciones.ram-error"), "Este campo es obligatorio."));
            assertThat(d.findElement(By.id("esp-cpu")).getAttribute("value")).isEqualTo(cpu);
            ((org.openqa.selenium.JavascriptExecutor) d)
                    .executeScript(
                            "document.getElementById('especificaciones').scrollIntoView({behavior: 'instant'});");
            nav.captura("activos-1-formulario-error");

            escribir(d, "esp-ram", "16GB");
            pulsar(d, By.id("guardar-activo"));
            nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.id("activo-codigo")));
            codigo = d.findElement(By.id("activo-codigo")).getText();
            assertThat(codigo).startsWith("TI-");
            assertThat(d.findElement(By.id("aviso")).getText()).contains(codigo);
            assertThat(d.findElement(By.id("esp-ram")).getText()).contains("16GB");
            assertThat(d.findElement(By.id("dato-bitlocker")).getText()).contains("Activado", "nunca se guardan");
            nav.espera().until(d2 -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d2)
                    .executeScript(
                            "var i = document.getElementById('qr-activo'); return i.complete && i.naturalWidth > 0;"));
            nav.captura("activos-2-detalle");

            d.findElement(By.id("nav-activos")).click();
            nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.id("filtro-q")));
            d.findElement(By.id("filtro-q")).sendKeys(serie);
            nav.espera().until(ExpectedConditions.textToBePresentInElementLocated(By.id("total-activos"), "1 activos"));
            assertThat(d.findElement(By.id("tabla-activos")).getText()).contains(codigo, "Portátil del navegador");
            nav.espera().until(ExpectedConditions.urlContains("q=" + serie));
            nav.captura("activos-3-lista-busqueda");

            pulsar(d, By.linkText("Limpiar filtros"));
            nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.id("mas-filtros")));
            pulsar(d, By.cssSelector("#mas-filtros > summary"));
            escribir(d, "filtro-spec-clave-0", "cpu");
            escribir(d, "filtro-spec-valor-0", cpu);
            pulsar(d, By.id("filtrar"));
            nav.espera().until(ExpectedConditions.textToBePresentInElementLocated(By.id("total-activos"), "1 activos"));
            assertThat(d.findElement(By.id("tabla-activos")).getText()).contains(codigo);
            nav.captura("activos-4-lista-especificacion");
        }
        try (Navegador nav = abrir()) {
            WebDriver d = nav.driver();
            NavegadorTest.entrar(nav, lector.email(), TestUsers.PASSWORD);
            nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.id("panel-cifras")));
            nav.ir("/activos/" + codigo);
            nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.id("activo-codigo")));
            assertThat(d.findElements(By.id("editar-activo"))).isEmpty();
            assertThat(d.findElements(By.id("eliminar-activo"))).isEmpty();
            nav.ir("/activos");
            assertThat(d.findElements(By.id("nuevo-activo"))).isEmpty();
            nav.ir("/activos/" + codigo + "/editar");
            assertThat(d.findElement(By.id("error-estado")).getText()).isEqualTo("Error 403");
        }
    }
}
