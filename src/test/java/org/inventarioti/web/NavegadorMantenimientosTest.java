package org.inventarioti.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Navegador;
import org.inventarioti.support.TestUsers;
import org.inventarioti.support.TestUsers.TestUser;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

/**
 * A technician schedules, starts and completes a maintenance in the browser; an administrator
 * opens the category pages. Screenshots land in target/screenshots/.
 */
@InventarioTest
class NavegadorMantenimientosTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvcTester mvc;

    Navegador abrir() throws Exception {
        return Navegador.abrir("http://127.0.0.1:" + port);
    }

    /** An asset created through the API, as a technician's script would. */
    long[] activo(TestUser tecnico) {
        long categoria = jdbc.sql("SELECT id FROM categorias WHERE nombre = 'Laptop'")
                .query(Long.class)
                .single();
        String serie = "NAV-" + UUID.randomUUID().toString().substring(0, 8);
        var result = new Api(mvc, tecnico).post("/api/activos", """
                {"categoria_id": %d, "nombre": "Portátil navegador", "numero_serie": "%s",
                 "especificaciones": {"cpu": "Intel i5", "ram": "8GB"}}""".formatted(categoria, serie));
        assertThat(Api.status(result)).as(Api.body(result)).isEqualTo(201);
        var json = JsonMapper.builder().build().readTree(Api.body(result));
        return new long[] {json.get("id").asLong()};
    }

    static void escribir(Navegador nav, String id, String texto) {
        WebElement campo = nav.driver().findElement(By.id(id));
        campo.clear();
        campo.sendKeys(texto);
    }

    static void pulsar(Navegador nav, String id) {
        WebElement elemento = nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        ((JavascriptExecutor) nav.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", elemento);
        nav.espera().until(ExpectedConditions.elementToBeClickable(elemento)).click();
    }

    @Test
    void aTechnicianSchedulesStartsAndCompletesAMaintenance() throws Exception {
        TestUser tecnico = users.create(Rol.TECNICO);
        long activoId = activo(tecnico)[0];
        String codigo = jdbc.sql("SELECT codigo FROM activos WHERE id = ?")
                .param(activoId)
                .query(String.class)
                .single();
        try (Navegador nav = abrir()) {
            NavegadorTest.entrar(nav, tecnico.email(), TestUsers.PASSWORD);
            nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.id("panel-cifras")));
            pulsar(nav, "nav-mantenimientos");
            nav.espera().until(ExpectedConditions.textToBe(By.tagName("h1"), "Mantenimientos"));

            nav.ir("/mantenimientos/nuevo?activo=" + activoId);
            assertThat(nav.driver().findElement(By.id("activoCodigo")).getAttribute("value"))
                    .isEqualTo(codigo);
            new Select(nav.driver().findElement(By.id("tipo"))).selectByVisibleText("Correctivo");
            escribir(nav, "titulo", "Cambiar batería");
            ((JavascriptExecutor) nav.driver())
                    .executeScript(
                            "arguments[0].value = arguments[1]",
                            nav.driver().findElement(By.id("fechaProgramada")),
                            java.time.LocalDate.now().toString());
            new Select(nav.driver().findElement(By.id("tecnicoId"))).selectByVisibleText("Test TECNICO");
            escribir(nav, "notas", "Batería hinchada");
            nav.captura("20-mantenimiento-nuevo");
            pulsar(nav, "guardar-mantenimiento");

            nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.id("aviso")));
            assertThat(NavegadorTest.texto(nav, "aviso")).isEqualTo("Mantenimiento programado.");
            assertThat(NavegadorTest.texto(nav, "estado-mantenimiento")).isEqualTo("Programado");
            pulsar(nav, "accion-iniciar");
            nav.espera().until(ExpectedConditions.textToBe(By.id("estado-mantenimiento"), "En progreso"));
            assertThat(jdbc.sql("SELECT estado FROM activos WHERE id = ?")
                            .param(activoId)
                            .query(String.class)
                            .single())
                    .isEqualTo("En mantenimiento");
            pulsar(nav, "accion-completar");
            nav.espera().until(ExpectedConditions.alertIsPresent()).accept();
            nav.espera().until(ExpectedConditions.textToBe(By.id("estado-mantenimiento"), "Completado"));
            assertThat(nav.driver().findElements(By.id("accion-completar"))).isEmpty();

            nav.ir("/mantenimientos");
            escribir(nav, "filtro-activo", codigo + Keys.ENTER);
            nav.espera().until(ExpectedConditions.urlContains("activo=" + codigo));
            String tabla = nav.espera()
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> {
                        String texto =
                                d.findElement(By.id("tabla-mantenimientos")).getText();
                        return texto.contains("Mantenimientos que cumplen los filtros: 1.") ? texto : null;
                    });
            assertThat(tabla).contains("Cambiar batería", "Completado", codigo, "Correctivo");
            nav.captura("21-mantenimientos-lista");
        }
    }

    @Test
    void anAdministratorOpensTheCategoriesAndTheirSchemas() throws Exception {
        TestUser admin = users.create(Rol.ADMIN);
        try (Navegador nav = abrir()) {
            NavegadorTest.entrar(nav, admin.email(), TestUsers.PASSWORD);
            nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.id("panel-cifras")));
            pulsar(nav, "menu-admin");
            pulsar(nav, "nav-categorias");
            nav.espera().until(ExpectedConditions.textToBe(By.tagName("h1"), "Categorías"));
            assertThat(nav.driver().findElement(By.id("tabla-categorias")).getText())
                    .contains("Laptop", "Switch");
            nav.captura("22-categorias");
            long laptop = jdbc.sql("SELECT id FROM categorias WHERE nombre = 'Laptop'")
                    .query(Long.class)
                    .single();
            nav.ir("/categorias/" + laptop);
            assertThat(nav.driver().findElement(By.id("esquema")).getAttribute("value"))
                    .contains("\"required\"", "cpu");
            nav.captura("23-categoria-esquema");
        }
    }
}
