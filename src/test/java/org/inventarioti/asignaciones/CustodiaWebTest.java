package org.inventarioti.asignaciones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Sesiones;
import org.inventarioti.support.TestUsers;
import org.inventarioti.support.TestUsers.TestUser;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The custody pages: people (list, a person's page, form), places (tree, add, move, refusals) and
 * the asset's custody section with check-out and return, per role.
 */
@InventarioTest
class CustodiaWebTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    TestUser admin;
    TestUser tecnico;
    TestUser lector;
    String codigo;
    long persona;
    String nombre;

    @BeforeEach
    void setUp() {
        admin = users.create(Rol.ADMIN);
        tecnico = users.create(Rol.TECNICO);
        lector = users.create(Rol.LECTOR);
        long categoria = jdbc.sql("SELECT id FROM categorias WHERE nombre = 'Laptop'")
                .query(Long.class)
                .single();
        var created = new Api(mvc, tecnico)
                .post(
                        "/api/activos",
                        "{\"categoria_id\": " + categoria + ", \"nombre\": \"Portátil\", \"numero_serie\": \""
                                + Api.unique("WEB") + "\", \"estado\": \"En almacén\","
                                + " \"especificaciones\": {\"cpu\": \"i5\", \"ram\": \"8GB\"}}");
        codigo = Api.read(created, "$.codigo");
        nombre = Api.unique("Lucía Marín");
        persona = Api.id(new Api(mvc, admin).post("/api/personas", "{\"nombre\": \"" + nombre + "\"}"));
    }

    @Test
    void aTechnicianChecksOutAndReturnsFromTheAssetPageAndThePersonPageShowsIt() {
        assertThat(mvc.get().uri("/activos/" + codigo).with(Sesiones.de(lector)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"seccion-custodia\"", "/activos/" + codigo + "/custodia");
        assertThat(mvc.get().uri("/activos/" + codigo + "/custodia").with(Sesiones.de(lector)))
                .hasStatusOk()
                .bodyText()
                .contains("No está entregado a nadie.")
                .doesNotContain("id=\"form-asignar\"");
        assertThat(mvc.post()
                        .uri("/activos/" + codigo + "/asignar")
                        .param("destino", "persona:" + persona)
                        .param("condicion", "bueno")
                        .with(csrf())
                        .with(Sesiones.de(lector)))
                .hasStatus(403);
        assertThat(mvc.get()
                        .uri("/activos/" + codigo + "/custodia")
                        .header("HX-Request", "true")
                        .with(Sesiones.de(tecnico)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"form-asignar\"", nombre)
                .doesNotContain("<html");

        assertThat(mvc.post()
                        .uri("/activos/" + codigo + "/asignar")
                        .param("destino", "persona:" + persona)
                        .param("condicion", "bueno")
                        .param("notas", "con funda")
                        .with(csrf())
                        .with(Sesiones.de(tecnico)))
                .hasStatus(302)
                .flash()
                .containsEntry("custodiaAviso", "asignaciones.aviso.entregado");
        assertThat(mvc.post()
                        .uri("/activos/" + codigo + "/asignar")
                        .param("destino", "persona:" + persona)
                        .param("condicion", "bueno")
                        .with(csrf())
                        .with(Sesiones.de(tecnico)))
                .hasStatus(302)
                .flash()
                .containsKey("custodiaError");
        assertThat(mvc.get().uri("/activos/" + codigo + "/custodia").with(Sesiones.de(tecnico)))
                .bodyText()
                .contains("Entregado a", nombre, "id=\"form-devolver\"");
        assertThat(mvc.get().uri("/personas/" + persona).with(Sesiones.de(lector)))
                .hasStatusOk()
                .bodyText()
                .contains(nombre, "Tiene ahora (1)", codigo, "Tuvo antes (0)")
                .doesNotContain("id=\"editar-persona\"");

        assertThat(mvc.post()
                        .uri("/activos/" + codigo + "/devolver")
                        .param("condicion", "regular")
                        .with(csrf())
                        .with(Sesiones.de(tecnico)))
                .hasStatus(302)
                .flash()
                .containsEntry("custodiaAviso", "asignaciones.aviso.devuelto");
        assertThat(mvc.get().uri("/personas/" + persona).with(Sesiones.de(admin)))
                .bodyText()
                .contains("Tiene ahora (0)", "Tuvo antes (1)", codigo, "id=\"editar-persona\"");
        assertThat(mvc.post()
                        .uri("/personas/" + persona + "/eliminar")
                        .with(csrf())
                        .with(Sesiones.de(admin)))
                .hasStatus(409)
                .bodyText()
                .contains("no se puede eliminar");
    }

    @Test
    void administratorsManagePeopleAndPlacesOnTheirPages() {
        for (TestUser user : new TestUser[] {tecnico, lector}) {
            assertThat(mvc.get().uri("/personas/nueva").with(Sesiones.de(user))).hasStatus(403);
            assertThat(mvc.get().uri("/personas/" + persona + "/editar").with(Sesiones.de(user)))
                    .hasStatus(403);
            assertThat(mvc.post()
                            .uri("/personas")
                            .param("nombre", "X")
                            .with(csrf())
                            .with(Sesiones.de(user)))
                    .hasStatus(403);
            assertThat(mvc.get().uri("/ubicaciones").with(Sesiones.de(user))).hasStatus(403);
            assertThat(mvc.post()
                            .uri("/ubicaciones")
                            .param("nombre", "X")
                            .with(csrf())
                            .with(Sesiones.de(user)))
                    .hasStatus(403);
            assertThat(mvc.get().uri("/personas").with(Sesiones.de(user))).hasStatusOk();
        }
        assertThat(mvc.get().uri("/personas")).hasStatus(302);
        assertThat(mvc.get().uri("/ubicaciones")).hasStatus(302);

        assertThat(mvc.get().uri("/").with(Sesiones.de(admin)))
                .bodyText()
                .contains("href=\"/personas\"", "href=\"/ubicaciones\"");
        String otro = Api.unique("Pedro Sanz");
        assertThat(mvc.post()
                        .uri("/personas")
                        .param("nombre", otro)
                        .param("email", "no-es-correo")
                        .param("activa", "true")
                        .with(csrf())
                        .with(Sesiones.de(admin)))
                .hasStatusOk()
                .bodyText()
                .contains("is-invalid");
        assertThat(mvc.post()
                        .uri("/personas")
                        .param("nombre", otro)
                        .param("area", "Finanzas")
                        .param("activa", "true")
                        .with(csrf())
                        .with(Sesiones.de(admin)))
                .hasStatus(302);
        assertThat(mvc.get().uri("/personas?q=" + otro.toUpperCase()).with(Sesiones.de(admin)))
                .bodyText()
                .contains(otro, "Finanzas");

        String sede = Api.unique("Sede");
        assertThat(mvc.post()
                        .uri("/ubicaciones")
                        .param("nombre", sede)
                        .with(csrf())
                        .with(Sesiones.de(admin)))
                .hasStatus(302);
        long raiz = jdbc.sql("SELECT id FROM ubicaciones WHERE nombre = ?")
                .param(sede)
                .query(Long.class)
                .single();
        assertThat(mvc.post()
                        .uri("/ubicaciones")
                        .param("nombre", "Piso 1")
                        .param("padreId", String.valueOf(raiz))
                        .with(csrf())
                        .with(Sesiones.de(admin)))
                .hasStatus(302)
                .flash()
                .containsEntry("aviso", sede + " › Piso 1");
        long piso = jdbc.sql("SELECT id FROM ubicaciones WHERE padre_id = ?")
                .param(raiz)
                .query(Long.class)
                .single();
        assertThat(mvc.get().uri("/ubicaciones?q=" + sede).with(Sesiones.de(admin)))
                .bodyText()
                .contains(sede + " › Piso 1");
        assertThat(mvc.post()
                        .uri("/ubicaciones/" + raiz)
                        .param("nombre", sede)
                        .param("padreId", String.valueOf(piso))
                        .param("version", "0")
                        .with(csrf())
                        .with(Sesiones.de(admin)))
                .hasStatus(422)
                .bodyText()
                .contains("cycle");
        assertThat(mvc.post()
                        .uri("/ubicaciones/" + raiz + "/eliminar")
                        .with(csrf())
                        .with(Sesiones.de(admin)))
                .hasStatus(409)
                .bodyText()
                .contains("places under it");
        assertThat(mvc.post()
                        .uri("/ubicaciones/" + piso + "/eliminar")
                        .with(csrf())
                        .with(Sesiones.de(admin)))
                .hasStatus(302);
    }
}
