package org.inventarioti.activos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.inventarioti.errors.FieldError;
import org.inventarioti.errors.StaleVersionException;
import org.inventarioti.support.InventarioTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The batched path of imports ({@link ActivoService#guardarVarios}): the same rules as one
 * create or replace, the same stored rows and audit rows, and a stale row fails the batch.
 */
@InventarioTest
class GuardarVariosTest {

    @Autowired
    ActivoService activos;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    private long laptop() {
        return jdbc.sql("SELECT id FROM categorias WHERE nombre = 'Laptop'")
                .query(Long.class)
                .single();
    }

    private ActivoRequest request(String serie, String notas, Long categoria, Integer version) {
        return new ActivoRequest(
                categoria,
                " Portátil " + serie + " ",
                "Dell",
                null,
                serie,
                null,
                "TI",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                notas,
                null,
                json.createObjectNode().put("CPU", "i7").put("ram", "16GB"),
                version);
    }

    @Test
    void theRulesOfOneCreateHoldForEveryRowAndOnlyValidRowsAreWritten() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<ActivoService.Escrito> escritos = activos.guardarVarios(
                List.of(
                        new ActivoService.Escritura(request("LV-" + run + "-1", null, laptop(), null), null),
                        new ActivoService.Escritura(
                                request("LV-" + run + "-2", "-----BEGIN PRIVATE KEY-----\nMIIE\n", laptop(), null),
                                null),
                        new ActivoService.Escritura(request("LV-" + run + "-3", null, 999_999L, null), null)),
                true);

        assertThat(escritos.get(0).errores()).isEmpty();
        Activo creado = escritos.get(0).activo();
        assertThat(creado.codigo()).startsWith("TI-");
        assertThat(creado.nombre()).isEqualTo("Portátil LV-" + run + "-1");
        assertThat(creado.estado()).isEqualTo(Activo.ACTIVO);
        assertThat(creado.especificaciones().has("cpu")).as("keys normalised").isTrue();
        assertThat(escritos.get(1).activo()).isNull();
        assertThat(escritos.get(1).errores()).extracting(FieldError::field).containsExactly("notas");
        assertThat(escritos.get(2).errores()).extracting(FieldError::field).containsExactly("categoria_id");
        assertThat(activos.porNumerosSerie(List.of("LV-" + run + "-2", "LV-" + run + "-3")))
                .isEmpty();
        String despues = jdbc.sql("SELECT despues::text FROM auditoria WHERE entidad = 'activo' AND entidad_id = ?"
                        + " AND accion = 'crear'")
                .param(Long.toString(creado.id()))
                .query(String.class)
                .single();
        assertThat(json.readTree(despues))
                .as("the audit row of a create")
                .isEqualTo(json.readTree(json.writeValueAsString(activos.buscar(creado.id()))));
    }

    @Test
    void aReplaceAuditsTheChangedFieldsAndAStaleRowFailsTheBatch() {
        String serie = "LV-" + UUID.randomUUID().toString().substring(0, 8);
        Activo antes = activos.crear(request(serie, null, laptop(), null));
        ActivoRequest cambio = request(serie, "otra nota", laptop(), antes.version());

        Activo despues = activos.guardarVarios(List.of(new ActivoService.Escritura(cambio, antes)), true)
                .get(0)
                .activo();

        assertThat(despues.version()).isEqualTo(antes.version() + 1);
        assertThat(despues.notas()).isEqualTo("otra nota");
        String cambiado = jdbc.sql("SELECT despues::text FROM auditoria WHERE entidad = 'activo' AND entidad_id = ?"
                        + " AND accion = 'actualizar'")
                .param(Long.toString(antes.id()))
                .query(String.class)
                .single();
        assertThat(json.readTree(cambiado).propertyNames()).contains("notas", "version");
        assertThat(json.readTree(cambiado).has("nombre")).isFalse();

        assertThatThrownBy(() -> activos.guardarVarios(List.of(new ActivoService.Escritura(cambio, antes)), true))
                .isInstanceOf(StaleVersionException.class);
        assertThat(activos.buscar(antes.id()).version()).isEqualTo(despues.version());
    }
}
