package org.inventarioti.secretos;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one secret detector: every entity's validation and the importers ask it whether a key names
 * a secret or a text holds one. It never keeps, logs or returns what it found.
 *
 * <p>Keys are compared on a folded form: compatibility forms (full-width, ligatures, mathematical
 * letters) and accents folded, look-alike Cyrillic and Greek letters and common digit/sign
 * substitutions ({@code 0→o}, {@code 3→e}, {@code @→a} …) read as the Latin letter, case ignored,
 * and separators and invisible characters removed — so {@code PassWord}, {@code Pass Word},
 * {@code pass-word}, {@code BitLockerKey}, {@code ContraSeña}, {@code pаsswоrd} (Cyrillic) and a
 * key split across nesting ({@code bitlocker.key}) all read {@code password}/{@code bitlockerkey}.
 * Short words ({@code pin}, {@code pwd}, {@code otp} …) count only as a whole word of the key, so
 * {@code spinner} is not a secret. Values are recognised by shape: a BitLocker recovery password
 * (48 digits in 8 groups of 6, with or without separators) and PEM, OpenSSH, PGP or PuTTY private
 * key blocks.
 */
public final class DetectorSecretos {

    /** Words that name a secret anywhere in the folded key (separators and camelCase ignored). */
    static final List<String> PALABRAS = List.of(
            "password",
            "passwd",
            "passphrase",
            "passcode",
            "passwort",
            "motdepasse",
            "contrasena",
            "contrasenya",
            "senha",
            "secret",
            "token",
            "credential",
            "credencial",
            "recovery",
            "recuperacion",
            "privatekey",
            "privkey",
            "privada",
            "privado",
            "apikey",
            "accesskey",
            "bitlockerkey",
            "bitlockerclave",
            "bitlockerllave",
            "bitlockerpin");

    /** Words that name a secret only as a whole word of the key ({@code wifi_pin}, not {@code spinner}). */
    static final Set<String> PALABRAS_ENTERAS =
            Set.of("pwd", "pw", "pass", "pin", "puk", "psk", "clave", "llave", "otp", "totp", "mfa");

    private static final Map<Character, Character> PARECIDAS = parecidas();

    private static final Pattern MARCAS = Pattern.compile("[\\p{M}\\p{Cf}]+");
    private static final Pattern INDICES = Pattern.compile("\\[\\d+]");
    private static final Pattern CAMEL = Pattern.compile("(?<=[\\p{Ll}\\p{N}])(?=\\p{Lu})");
    private static final Pattern NO_LETRA = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** A BitLocker recovery password: eight groups of six digits, separated or not. */
    private static final String RECUPERACION = "(?<!\\d)\\d{6}(?:[\\s\\-_.:/]?\\d{6}){7}(?!\\d)";

    /** The first line of a private key block: PEM (RSA, EC, DSA, ENCRYPTED, OPENSSH), PGP, PuTTY. */
    private static final String CLAVE_PRIVADA =
            "-{3,}\\s*BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?\\s*-{3,}|PuTTY-User-Key-File-\\d";

    private static final Pattern VALOR = Pattern.compile(RECUPERACION + "|" + CLAVE_PRIVADA, Pattern.CASE_INSENSITIVE);

    /** What {@link #retirar} cuts: a recovery password, or a private key block up to its END line. */
    private static final Pattern TRAMO = Pattern.compile(
            RECUPERACION + "|(?:" + CLAVE_PRIVADA + ")(?s:.*?)(?:-{3,}\\s*END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?\\s*-{3,}"
                    + "|Private-MAC:[^\\n]*|\\z)",
            Pattern.CASE_INSENSITIVE);

    private DetectorSecretos() {}

    /**
     * Whether a key, or a key path ({@code bitlocker.key}, {@code red[0].wifi.password}: parent
     * keys joined with dots), names a secret.
     */
    public static boolean claveSensible(String key) {
        if (key == null || key.isEmpty()) {
            return false;
        }
        String plano = plegarLetras(INDICES.matcher(key).replaceAll("."));
        String compacto = sustituir(NO_LETRA.matcher(plano).replaceAll("")).toLowerCase(Locale.ROOT);
        for (String palabra : PALABRAS) {
            if (compacto.contains(palabra)) {
                return true;
            }
        }
        for (String parte : NO_LETRA.split(CAMEL.matcher(plano).replaceAll("_"))) {
            if (PALABRAS_ENTERAS.contains(sustituir(parte).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a text holds a value shaped like a secret (a recovery password, a private key block). */
    public static boolean pareceSecreto(String text) {
        if (text == null || !puedeSerlo(text)) {
            return false;
        }
        return VALOR.matcher(plegarValor(text)).find();
    }

    /**
     * The text with every secret {@link #pareceSecreto} finds replaced by {@code reemplazo}; the
     * text as sent when there is none (else in its folded form: compatibility characters folded,
     * invisible ones removed).
     */
    public static String retirar(String text, String reemplazo) {
        if (!pareceSecreto(text)) {
            return text;
        }
        return TRAMO.matcher(plegarValor(text)).replaceAll(Matcher.quoteReplacement(reemplazo));
    }

    /**
     * The fields (name → text) whose text holds a secret, as the names; for a service's
     * validation of its free texts. The message to give is {@link #MENSAJE_VALOR}.
     */
    public static List<String> camposConSecreto(Map<String, String> texts) {
        List<String> found = new ArrayList<>();
        texts.forEach((field, text) -> {
            if (pareceSecreto(text)) {
                found.add(field);
            }
        });
        return found;
    }

    /** What an error says about a text that holds a secret (never the text). */
    public static final String MENSAJE_VALOR =
            "looks like a recovery key or private key; keep it in a secret manager, not in the inventory";

    /** What an error says about a key that names a secret. */
    public static final String MENSAJE_CLAVE = "names a secret (recovery key, password, secret, token or private key);"
            + " keep it in a secret manager, not in the inventory";

    /** Enough digits for a recovery password, or the dashes or name of a key block: most texts stop here. */
    private static boolean puedeSerlo(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c) && ++digits >= 48) {
                return true;
            }
        }
        return text.contains("---") || text.contains("－－－") || text.contains("PuTTY");
    }

    private static String plegarValor(String text) {
        return MARCAS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
    }

    /** Compatibility forms, accents and invisible characters folded, look-alike letters read as Latin. */
    static String plegarLetras(String key) {
        String nfkd = Normalizer.normalize(key, Normalizer.Form.NFKD);
        String sinMarcas = MARCAS.matcher(nfkd).replaceAll("");
        StringBuilder out = new StringBuilder(sinMarcas.length());
        for (int i = 0; i < sinMarcas.length(); i++) {
            char c = sinMarcas.charAt(i);
            char lower = Character.toLowerCase(c);
            Character latin = PARECIDAS.get(lower);
            if (latin != null) {
                out.append(Character.isUpperCase(c) ? Character.toUpperCase(latin) : latin);
            } else if (lower == 'ß') {
                out.append("ss");
            } else if (lower == 'æ') {
                out.append("ae");
            } else if (lower == 'œ') {
                out.append("oe");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Digits and signs written for letters ({@code p4ssw0rd}, {@code s3cr3t}, {@code $ecret}). */
    private static String sustituir(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            out.append(
                    switch (c) {
                        case '0' -> 'o';
                        case '1' -> 'i';
                        case '3' -> 'e';
                        case '4', '@' -> 'a';
                        case '5', '$' -> 's';
                        case '7' -> 't';
                        default -> c;
                    });
        }
        return out.toString();
    }

    /** Cyrillic, Greek and other letters that look like a Latin one (lower case). */
    private static Map<Character, Character> parecidas() {
        return Map.ofEntries(
                Map.entry('а', 'a'),
                Map.entry('е', 'e'),
                Map.entry('о', 'o'),
                Map.entry('р', 'p'),
                Map.entry('с', 'c'),
                Map.entry('х', 'x'),
                Map.entry('у', 'y'),
                Map.entry('і', 'i'),
                Map.entry('ј', 'j'),
                Map.entry('ѕ', 's'),
                Map.entry('ԁ', 'd'),
                Map.entry('ԛ', 'q'),
                Map.entry('ԝ', 'w'),
                Map.entry('г', 'r'),
                Map.entry('к', 'k'),
                Map.entry('м', 'm'),
                Map.entry('н', 'h'),
                Map.entry('т', 't'),
                Map.entry('в', 'b'),
                Map.entry('ь', 'b'),
                Map.entry('ø', 'o'),
                Map.entry('đ', 'd'),
                Map.entry('ł', 'l'),
                Map.entry('ı', 'i'),
                Map.entry('ſ', 's'),
                Map.entry('α', 'a'),
                Map.entry('β', 'b'),
                Map.entry('ε', 'e'),
                Map.entry('η', 'n'),
                Map.entry('ι', 'i'),
                Map.entry('κ', 'k'),
                Map.entry('ν', 'v'),
                Map.entry('ο', 'o'),
                Map.entry('ρ', 'p'),
                Map.entry('τ', 't'),
                Map.entry('υ', 'u'),
                Map.entry('χ', 'x'),
                Map.entry('ω', 'w'),
                Map.entry('ɡ', 'g'));
    }
}
