package org.inventarioti.categorias;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bitlocker_recovery_key",
                "BitLocker Recovery Key",
                "recoveryKey",
                "password",
                "admin_password",
                "wifiPassword",
                "contraseña",
                "clave",
                "clave_recuperacion",
                "client_secret",
                "api_token",
                "apiKey",
                "private_key",
                "llave_privada",
                "pin",
                "sim_puk",
                "bitlocker_key"
            })
    void secretsAreRecognisedAfterNormalisation(String key) {
        assertThat(ClavesEspecificacion.esSensible(ClavesEspecificacion.normalizar(key)))
                .as(key)
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"ram", "cpu", "service_tag", "numero_puertos", "bitlocker", "gid", "imei", "mac", "spinner"})
    void ordinaryKeysAreNotSecrets(String key) {
        assertThat(ClavesEspecificacion.esSensible(key)).as(key).isFalse();
    }

    @org.junit.jupiter.api.Test
    void secretValuesAreFoundAndRemovedFromFreeText() {
        String key = "123456-234567-345678-456789-567890-678901-789012-890123";
        String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD9\n-----END RSA PRIVATE KEY-----";
        String text = "reinstalled; recovery " + key + " and " + pem + " done";
        assertThat(ClavesEspecificacion.pareceSecreto(text)).isTrue();
        assertThat(ClavesEspecificacion.pareceSecreto("serial 123456-234567")).isFalse();
        assertThat(ClavesEspecificacion.retirarSecretos(text, "[x]"))
                .isEqualTo("reinstalled; recovery [x] and [x] done");
        assertThat(ClavesEspecificacion.retirarSecretos("-----BEGIN PRIVATE KEY-----\nMIIB", "[x]"))
                .isEqualTo("[x]");
        assertThat(ClavesEspecificacion.retirarSecretos(null, "[x]")).isNull();
    }
}
