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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13 in a browser, at 1 366 px in Spanish and 390 px in English: adding a schema field says
 * how many assets it affects and fills them; the audit log finds an asset by its code and leads to
 * it; the conflict screen shows the three values and keeps the other person's change. One browser;
 * screenshots in target/screenshots/ (dia-*).
 */
@InventarioTest
class NavegadorDiaTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    MockMvcTester mvc;

    final JsonMapper json = JsonMapper.builder().build();

    JsonNode crear(Api api, String uri, String cuerpo) {
        var result = api.post(uri, cuerpo);
        assertThat(Api.status(result)).as(Api.body(result)).isEqualTo(201);
        return json.readTree(Api.body(result));
    }

    @Test
    void aTechniciansDayAtADeskInSpanishAndOnAPhoneInEnglish() throws Exception {
        TestUser admin = users.create(Rol.ADMIN);
        Api api = new Api(mvc, admin);
        String unico = UUID.randomUUID().toString().substring(0, 8);
        long categoria = crear(api, "/api/categorias", "{\"nombre\": \"Tabletas " + unico + "\"}")
                .get("id")
                .asLong();
        JsonNode activo = crear(api, "/api/activos", """
                {"categoria_id": %d, "nombre": "Tableta uno", "numero_serie": "TAB-%s", "area": "Sistemas"}""".formatted(categoria, unico));
        crear(api, "/api/activos", """
                {"categoria_id": %d, "nombre": "Tableta dos", "numero_serie": "TAB2-%s", "area": "Sistemas"}""".formatted(categoria, unico));
        String codigo = activo.get("codigo").asString();

        try (Navegador nav = Navegador.abrir("http://127.0.0.1:" + port)) {
            WebDriver d = nav.driver();
            NavegadorTest.entrar(nav, admin.email(), TestUsers.PASSWORD);
            nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.id("panel-cifras")));
            nav.tamano(1366, 900);

            // Add a required field: first the count, then save giving the value to both assets.
            nav.ir("/categorias/" + categoria + "/campo");
            d.findElement(By.id("clave")).sendKeys("Sistema operativo");
            clic(nav, By.id("obligatorio1"));
            d.findElement(By.id("valorPorDefecto")).sendKeys("Android 14");
            clic(nav, By.id("prever"));
            nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.id("prevision-total")));
            assertThat(NavegadorTest.texto(nav, "prevision-total"))
                    .isEqualTo("Con este campo, 2 de 2 activos de la categoría no cumplirían el esquema.");
            assertThat(NavegadorTest.texto(nav, "prevision-valor"))
                    .isEqualTo("Dando «Android 14» a los activos que no tienen el campo, no lo cumplirían 0.");
            nav.captura("dia-campo-1366");
            clic(nav, By.id("guardar-rellenar"));
            nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.id("total-no-conformes")));
            assertThat(NavegadorTest.texto(nav, "total-no-conformes"))
                    .isEqualTo("Todos los activos de esta categoría cumplen su esquema.");

            // The audit log by the asset's code as typed, each row leading to its record.
            nav.ir("/auditoria?activo=" + codigo.toLowerCase());
            nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.id("total-auditoria")));
            assertThat(NavegadorTest.texto(nav, "total-auditoria")).isEqualTo("Registros que cumplen los filtros: 2.");
            nav.captura("dia-auditoria-1366");
            clic(nav, By.cssSelector("#tabla-auditoria a[href='/activos/" + codigo + "']"));
            nav.espera().until(ExpectedConditions.urlContains("/activos/" + codigo));

            conflicto(nav, api, codigo, "", "Lo que cargó", "dia-conflicto-1366");

            // A phone in English: a value not of the field's type is refused in words.
            nav.tamano(390, 860);
            nav.ir("/categorias/" + categoria + "/campo?lang=en");
            d.findElement(By.id("clave")).sendKeys("pulgadas");
            new Select(d.findElement(By.id("tipo"))).selectByValue("number");
            d.findElement(By.id("valores")).sendKeys("8, diez");
            clic(nav, By.id("prever"));
            nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.id("valores-error")));
            assertThat(NavegadorTest.texto(nav, "valores-error")).isEqualTo("“diez” is not a value of this type.");
            nav.captura("dia-campo-390-en");

            conflicto(nav, api, codigo, "?lang=en", "What you loaded", "dia-conflicto-390-en");
        }
    }

    /** Scrolls the element to the middle of the screen first: the footer or a sticky bar may cover it. */
    static void clic(Navegador nav, By por) {
        var elemento = nav.driver().findElement(por);
        ((org.openqa.selenium.JavascriptExecutor) nav.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", elemento);
        elemento.click();
    }

    /** The person loads the form, someone else changes the área, the person renames and saves. */
    private void conflicto(Navegador nav, Api api, String codigo, String lang, String original, String captura)
            throws Exception {
        WebDriver d = nav.driver();
        nav.ir("/activos/" + codigo + "/editar" + lang);
        nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.id("form-activo")));
        JsonNode actual = json.readTree(Api.body(api.get("/api/activos/codigo/" + codigo)));
        String area = "Área " + UUID.randomUUID().toString().substring(0, 6);
        var cambio = api.patch(
                "/api/activos/" + actual.get("id").asLong(),
                "{\"area\": \"" + area + "\"}",
                "\"" + actual.get("version").asInt() + "\"");
        assertThat(Api.status(cambio)).as(Api.body(cambio)).isEqualTo(200);
        d.findElement(By.id("nombre")).clear();
        d.findElement(By.id("nombre")).sendKeys("Renombrada " + area);
        clic(nav, By.id("guardar-activo"));
        nav.espera().until(ExpectedConditions.presenceOfElementLocated(By.id("tabla-conflicto")));
        assertThat(d.findElement(By.id("tabla-conflicto")).getText()).contains(original);
        assertThat(d.findElement(By.id("conflicto-area")).getText()).contains(area);
        assertThat(d.findElement(By.id("area")).getAttribute("value")).isEqualTo(area);
        assertThat(d.findElement(By.id("nombre")).getAttribute("value")).isEqualTo("Renombrada " + area);
        nav.captura(captura);
    }
}
