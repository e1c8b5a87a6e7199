package org.inventarioti.activos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The schema-to-form mapping and the list's links, without a server. */
class CamposEspecificacionTest {

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void mapsEachKindOfPropertyToAField() {
        List<CamposEspecificacion.Campo> campos = CamposEspecificacion.de(json.readTree(DatosWeb.ESQUEMA));
        assertThat(campos)
                .extracting(CamposEspecificacion.Campo::clave)
                .containsExactly("cpu", "ram_gb", "pantalla", "tactil", "sistema", "service_tag");
        assertThat(campos)
                .extracting(CamposEspecificacion.Campo::tipo)
                .containsExactly("string", "integer", "number", "boolean", "enum", "string");
        CamposEspecificacion.Campo ram = campos.get(1);
        assertThat(ram.etiqueta()).isEqualTo("Memoria");
        assertThat(ram.unidad()).isEqualTo("GB");
        assertThat(ram.requerido()).isTrue();
        assertThat(ram.minimo()).isEqualTo("1");
        assertThat(campos.get(2).unidad()).isEqualTo("pulgadas");
        assertThat(campos.get(4).opciones()).containsExactly("Windows 11", "Ubuntu 24.04", "macOS");
        assertThat(campos.get(5).etiqueta()).isEqualTo("Service tag");
        assertThat(campos.get(5).descripcion()).isEqualTo("Etiqueta del fabricante");
        assertThat(campos.get(5).requerido()).isFalse();
    }

    @Test
    void typedTextBecomesTheSchemaTypeOrStaysTextForTheSchemaToRefuse() {
        List<CamposEspecificacion.Campo> campos = CamposEspecificacion.de(json.readTree(DatosWeb.ESQUEMA));
        assertThat(campos.get(1).valor(" 16 ").orElseThrow().isIntegralNumber()).isTrue();
        assertThat(campos.get(1).valor("dieciséis").orElseThrow().isString()).isTrue();
        assertThat(campos.get(2).valor("14.5").orElseThrow().decimalValue()).isEqualByComparingTo("14.5");
        assertThat(campos.get(3).valor("false").orElseThrow().isBoolean()).isTrue();
        assertThat(campos.get(4).valor("macOS").orElseThrow().asString()).isEqualTo("macOS");
        assertThat(campos.get(0).valor("  ")).isEmpty();
    }

    @Test
    void objectsArraysAndBrokenSchemasGiveNoFields() {
        JsonNode esquema = json.readTree("""
                {"type": "object", "properties": {
                  "red": {"type": "object"}, "puertos": {"type": "array"}, "raro": true,
                  "nulo": {"type": ["null", "string"]}}}""");
        assertThat(CamposEspecificacion.de(esquema))
                .extracting(CamposEspecificacion.Campo::clave)
                .containsExactly("nulo");
        assertThat(CamposEspecificacion.de(json.readTree("{\"type\": \"object\"}")))
                .isEmpty();
        assertThat(CamposEspecificacion.de(null)).isEmpty();
    }

    @Test
    void theListLinksKeepFiltersAndStepByCursor() {
        var params = new LinkedMultiValueMap<String, String>();
        params.add("q", "a b+c");
        params.add("spec_clave", "ram");
        params.add("spec_valor", "16GB");
        params.add("sort", "nombre,desc");
        params.add("after", "CUR2");
        params.add("n", "3");
        params.add("atras", "CUR1");
        params.add("lang", "en");
        ConsultaLista consulta = ConsultaLista.de(params);
        assertThat(consulta.paraServicio())
                .containsKeys("q", "spec.ram", "sort", "after")
                .doesNotContainKeys("lang", "n", "atras", "spec_clave", "page");
        assertThat(consulta.siguiente("CUR3"))
                .isEqualTo("/activos?q=a+b%2Bc&spec.ram=16GB&sort=nombre%2Cdesc&after=CUR3&n=4&atras=CUR1.CUR2");
        assertThat(consulta.anterior()).isEqualTo("/activos?q=a+b%2Bc&spec.ram=16GB&sort=nombre%2Cdesc&after=CUR1&n=2");
        assertThat(consulta.ordenarPor("nombre")).endsWith("sort=nombre%2Casc");
        assertThat(consulta.ordenDe("nombre", "codigo")).isEqualTo("descending");
        assertThat(consulta.numeros(10)).containsExactly(1L, 2L, 3L, 4L, 5L, 0L, 10L);
    }
}
