package org.inventarioti.secretos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every spelling of a secret key, and every shape of a secret value, is recognised; ordinary ones are not. */
class DetectorSecretosTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bitlocker_recovery_key",
                "BitLocker Recovery Key",
                "recoveryKey",
                "password",
                "PassWord",
                "Pass Word",
                "pass-word",
                "pass_word",
                "P A S S W O R D",
                "pаsswоrd", // Cyrillic а and о
                "ｐａｓｓｗｏｒｄ", // full-width
                "𝐩𝐚𝐬𝐬𝐰𝐨𝐫𝐝", // mathematical bold
                "pass\u200bword", // zero-width space
                "p4ssw0rd",
                "admin_password",
                "wifiPassword",
                "PassPhrase",
                "contraseña",
                "ContraSeña",
                "CONTRASEÑA",
                "clave",
                "clave_recuperacion",
                "client_secret",
                "s3cr3t",
                "api_token",
                "apiKey",
                "private_key",
                "PrivateKey",
                "llave_privada",
                "pin",
                "wifi_pin",
                "wifiPin",
                "sim_puk",
                "bitlocker_key",
                "BitLockerKey",
                "Bit Locker Key",
                "bitlocker.key",
                "bitlocker.clave",
                "red[0].wifi.password",
                "mfa.otp"
            })
    void secretKeysAreRecognisedInAnySpelling(String key) {
        assertThat(DetectorSecretos.claveSensible(key)).as(key).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ram",
                "cpu",
                "service_tag",
                "numero_puertos",
                "bitlocker",
                "gid",
                "imei",
                "mac",
                "spinner",
                "passthrough_ports",
                "compass",
                "disco.secundario",
                "pulgadas",
                "firmware",
                "ipv4"
            })
    void ordinaryKeysAreNotSecrets(String key) {
        assertThat(DetectorSecretos.claveSensible(key)).as(key).isFalse();
    }

    static final String RECUPERACION = "123456-234567-345678-456789-567890-678901-789012-890123";

    @ParameterizedTest
    @ValueSource(
            strings = {
                RECUPERACION,
                "clave: 123456 234567 345678 456789 567890 678901 789012 890123 fin",
                "123456234567345678456789567890678901789012890123",
                "１２３４５６-234567-345678-456789-567890-678901-789012-890123", // full-width digits
                "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD9\n-----END RSA PRIVATE KEY-----",
                "-----BEGIN PRIVATE KEY-----",
                "-----BEGIN ENCRYPTED PRIVATE KEY-----",
                "-----BEGIN OPENSSH PRIVATE KEY-----",
                "-----BEGIN PGP PRIVATE KEY BLOCK-----",
                "PuTTY-User-Key-File-3: ssh-ed25519"
            })
    void secretValuesAreRecognisedByShape(String text) {
        assertThat(DetectorSecretos.pareceSecreto(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "serial 123456-234567",
                "1234567890123456789012345678901234567890123456789012345", // 55 digits, not 8×6
                "-----BEGIN PUBLIC KEY-----",
                "-----BEGIN CERTIFICATE-----",
                "Laptop de Ana"
            })
    void ordinaryValuesAreNotSecrets(String text) {
        assertThat(DetectorSecretos.pareceSecreto(text)).as(text).isFalse();
    }

    @Test
    void secretValuesAreCutOutOfFreeText() {
        String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD9\n-----END RSA PRIVATE KEY-----";
        String text = "reinstalled; recovery " + RECUPERACION + " and " + pem + " done";
        assertThat(DetectorSecretos.retirar(text, "[x]")).isEqualTo("reinstalled; recovery [x] and [x] done");
        assertThat(DetectorSecretos.retirar("-----BEGIN PRIVATE KEY-----\nMIIB", "[x]"))
                .isEqualTo("[x]");
        assertThat(DetectorSecretos.retirar("nada", "[x]")).isEqualTo("nada");
        assertThat(DetectorSecretos.retirar(null, "[x]")).isNull();
    }

    @Test
    void theFieldsHoldingASecretAreNamedNotTheirText() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("nombre", "Laptop");
        texts.put("notas", "clave " + RECUPERACION);
        texts.put("marca", null);
        assertThat(DetectorSecretos.camposConSecreto(texts)).containsExactly("notas");
    }
}
