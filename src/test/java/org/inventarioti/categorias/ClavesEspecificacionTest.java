package org.inventarioti.categorias;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClavesEspecificacionTest {

    @ParameterizedTest
    @CsvSource({
        "ram, ram",
        "RAM, ram",
        "Service Tag, service_tag",
        "serviceTag, service_tag",
        "  número-de  puertos , numero_de_puertos",
        "Pulgadas (\"), pulgadas",
        "__cpu__, cpu",
        "IPv4, ipv4",
        "mac.address, mac_address"
    })
    void keysAreNormalisedToSnakeCase(String key, String normalized) {
        assertThat(ClavesEspecificacion.normalizar(key)).isEqualTo(normalized);
    }
}
