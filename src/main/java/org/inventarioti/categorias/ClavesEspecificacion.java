package org.inventarioti.categorias;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The names of especificaciones keys: normalised to snake_case (accents dropped, camelCase split,
 * anything else an underscore), and the ones that name a secret. Category schemas and asset
 * especificaciones share these rules, so a schema cannot ask for what an asset may not hold.
 */
public final class ClavesEspecificacion {

    public static final int MAX_LENGTH = 64;

    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGES = Pattern.compile("^_+|_+$");

    /** English and Spanish words for passwords, secrets, tokens, recovery and private keys. */
    private static final Pattern SENSITIVE = Pattern.compile("password|passwd|passphrase|contrasena|secret|secreto"
            + "|token|credential|credencial|recovery|recuperacion|private_?key|privada|privado|api_?key"
            + "|bitlocker_?(key|clave|llave)|(^|_)(pwd|pin|puk|psk|clave|otp|totp)(_|$)");

    /** A BitLocker recovery password (eight groups of six digits) or a PEM private key. */
    private static final Pattern SECRET_VALUE =
            Pattern.compile("\\d{6}(-\\d{6}){7}|-----BEGIN [A-Z ]*PRIVATE KEY-----");

    /** What {@link #retirarSecretos} removes: a recovery password, or a private key up to its END line. */
    private static final Pattern SECRET_SPAN = Pattern.compile(
            "\\d{6}(-\\d{6}){7}|-----BEGIN [A-Z ]*PRIVATE KEY-----(?s:.*?)(?:-----END [A-Z ]*PRIVATE KEY-----|\\z)");

    private ClavesEspecificacion() {}

    public static String normalizar(String key) {
        String plain = MARKS.matcher(Normalizer.normalize(key.trim(), Normalizer.Form.NFD))
                .replaceAll("");
        String snake = CAMEL.matcher(plain).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
        return EDGES.matcher(NOT_WORD.matcher(snake).replaceAll("_")).replaceAll("");
    }

    /** Whether a normalised key names a secret (bitlocker_recovery_key, password, api_token …). */
    public static boolean esSensible(String normalizedKey) {
        return SENSITIVE.matcher(normalizedKey).find();
    }

    /** Whether a value or a free text holds something that looks like a recovery key or private key. */
    public static boolean pareceSecreto(String text) {
        return text != null && SECRET_VALUE.matcher(text).find();
    }

    /** The text with every part that {@link #pareceSecreto} finds replaced by {@code reemplazo}. */
    public static String retirarSecretos(String text, String reemplazo) {
        return text == null
                ? null
                : SECRET_SPAN.matcher(text).replaceAll(java.util.regex.Matcher.quoteReplacement(reemplazo));
    }
}
