package org.inventarioti.activos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.inventarioti.support.Filas;
import org.inventarioti.support.InventarioTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Search finds what people type: no case, no accents, especificaciones too, units spelt one way. */
@InventarioTest
class BusquedaSinAcentosTest {

    @Autowired
    ActivoService activos;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    long categoria;
    String marca;

    @BeforeEach
    void datos() {
        categoria = new Filas(jdbc).categoria(Filas.unico("Búsqueda"));
        marca = Filas.unico("Marca");
    }

    Activo crear(String nombre, String responsable, ObjectNode specs) {
        return activos.crear(new ActivoRequest(
                categoria,
                nombre,
                marca,
                null,
                Filas.unico("SN-ACENTO"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                responsable,
                null,
                null,
                specs,
                null));
    }

    List<String> codigos(String... parametros) {
        Map<String, List<String>> query = new java.util.LinkedHashMap<>();
        query.put("q", List.of(marca.toLowerCase(java.util.Locale.ROOT)));
        for (int i = 0; i < parametros.length; i += 2) {
            query.computeIfAbsent(parametros[i], k -> new java.util.ArrayList<>())
                    .add(parametros[i + 1]);
        }
        return activos.listar(query).items().stream().map(Activo::codigo).toList();
    }

    List<String> buscar(String texto) {
        return activos
                .listar(Map.of("q", List.of(texto), "categoria_id", List.of(Long.toString(categoria))))
                .items()
                .stream()
                .map(Activo::codigo)
                .toList();
    }

    @Test
    void textSearchIgnoresCaseAndAccentsAndLooksIntoTheSpecifications() {
        Activo sofia = crear(
                "Portátil de dirección", "Sofía López", json.createObjectNode().put("so", "Windows Ñandú"));
        Activo otro = crear("Monitor", "Pedro Pérez", json.createObjectNode());
        assertThat(buscar("sofia lopez")).containsExactly(sofia.codigo());
        assertThat(buscar("LOPEZ")).containsExactly(sofia.codigo());
        assertThat(buscar("López")).containsExactly(sofia.codigo());
        assertThat(buscar("portatil")).containsExactly(sofia.codigo());
        assertThat(buscar("nandu")).as("a specification value").containsExactly(sofia.codigo());
        assertThat(buscar("perez")).containsExactly(otro.codigo());
        assertThat(buscar("100%")).isEmpty();
    }

    @Test
    void unitsAreSpeltOneWayOnWriteAndSpecFiltersIgnoreCaseAccentsAndUnitSpaces() {
        Activo a = crear("A", null, json.createObjectNode().put("ram", "16 GB").put("cpu", "3,2 ghz"));
        Activo b = crear("B", null, json.createObjectNode().put("ram", "16gb").put("ubicacion_rack", "Sótano"));
        Activo c = crear("C", null, json.createObjectNode().put("ram", "8GB").put("etiqueta", "16 GB extra"));
        assertThat(activos.buscar(a.id()).especificaciones().get("ram").asString())
                .isEqualTo("16GB");
        assertThat(activos.buscar(a.id()).especificaciones().get("cpu").asString())
                .isEqualTo("3,2GHz");
        assertThat(activos.buscar(b.id()).especificaciones().get("ram").asString())
                .isEqualTo("16GB");
        assertThat(activos.buscar(c.id()).especificaciones().get("etiqueta").asString())
                .as("not a quantity: kept as typed")
                .isEqualTo("16 GB extra");
        assertThat(codigos("spec.ram", "16gb")).containsExactlyInAnyOrder(a.codigo(), b.codigo());
        assertThat(codigos("spec.ram", "16 GB")).containsExactlyInAnyOrder(a.codigo(), b.codigo());
        assertThat(codigos("spec.ram", "16GB", "spec.ubicacion_rack", "sotano")).containsExactly(b.codigo());
        assertThat(codigos("spec.ram", "8gb")).containsExactly(c.codigo());
        // A value stored before the rule (as an import leaves it) is found all the same.
        jdbc.sql("UPDATE activos SET especificaciones = '{\"ram\": \"16 Gb\"}' WHERE id = ?")
                .param(c.id())
                .update();
        assertThat(codigos("spec.ram", "16GB")).containsExactlyInAnyOrder(a.codigo(), b.codigo(), c.codigo());
    }
}
