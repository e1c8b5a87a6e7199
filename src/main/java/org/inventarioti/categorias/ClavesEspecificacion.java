package org.inventarioti.categorias;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The names of especificaciones keys: normalised to snake_case (compatibility forms such as full-width letters folded, accents dropped, camelCase split,
 * anything else an underscore). Category schemas and asset especificaciones share these rules;
 * which keys name a secret is {@link org.inventarioti.secretos.DetectorSecretos}'s to say, so a
 * schema cannot ask for what an asset may not hold.
 */
public final class ClavesEspecificacion {

    public static final int MAX_LENGTH = 64;

    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGES = Pattern.compile("^_+|_+$");

    private ClavesEspecificacion() {}

    public static String normalizar(String key) {
        String plain = MARKS.matcher(Normalizer.normalize(key.trim(), Normalizer.Form.NFKD))
                .replaceAll("");
        String snake = CAMEL.matcher(plain).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
        return EDGES.matcher(NOT_WORD.matcher(snake).replaceAll("_")).replaceAll("");
    }
}
