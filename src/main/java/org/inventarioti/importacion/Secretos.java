package org.inventarioti.importacion;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.inventarioti.secretos.DetectorSecretos;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Strips secrets before anything is written, with the product's own detectors: keys that name a
 * secret and values that look like one ({@link DetectorSecretos}). Counts what it removed;
 * never keeps, logs or returns a removed value.
 */
final class Secretos {

    static final String RETIRADO = "[secreto retirado]";

    /** {@code "key": value} or {@code key=value} in a text that is not valid JSON. */
    private static final Pattern PAR = Pattern.compile(
            "([\"']?)([\\p{L}\\p{N}_ .\\-]{1,64})\\1\\s*[:=]\\s*(\"(?:[^\"\\\\]|\\\\.)*\"?|'[^']*'?|[^,;}\\]\\s]*)");

    private int quitados;

    int quitados() {
        return quitados;
    }

    /** A whole value left out because its column names a secret. */
    void quitado() {
        quitados++;
    }

    /** Removes, at every depth, members whose key names a secret or whose text value looks like one. */
    JsonNode limpiar(JsonNode node) {
        return limpiar(node, "");
    }

    /** {@code ruta}: the parent keys joined with dots, so a key split across levels ({@code bitlocker.key}) is seen. */
    private JsonNode limpiar(JsonNode node, String ruta) {
        if (node instanceof ObjectNode object) {
            var names = new java.util.ArrayList<>(object.propertyNames());
            for (String name : names) {
                JsonNode value = object.get(name);
                String at = ruta.isEmpty() ? name : ruta + "." + name;
                if (Claves.sensible(name)
                        || (!ruta.isEmpty() && DetectorSecretos.claveSensible(at))
                        || (value.isString() || value.isNumber()) && pareceSecreto(value.asString())) {
                    object.remove(name);
                    quitados++;
                } else {
                    limpiar(value, at);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = array.size() - 1; i >= 0; i--) {
                JsonNode item = array.get(i);
                if (item.isString() && pareceSecreto(item.asString())) {
                    array.remove(i);
                    quitados++;
                } else {
                    limpiar(item, ruta);
                }
            }
        }
        return node;
    }

    static boolean pareceSecreto(String text) {
        return DetectorSecretos.pareceSecreto(text);
    }

    /** A free text (notes, or a specification text that is not JSON) with secret values and pairs cut out. */
    String texto(String text) {
        if (text == null) {
            return null;
        }
        String cut = text;
        if (pareceSecreto(text)) {
            cut = DetectorSecretos.retirar(text, RETIRADO);
            quitados++;
        }
        if (cut.indexOf(':') < 0 && cut.indexOf('=') < 0 || !DetectorSecretos.claveSensible(cut)) {
            return cut;
        }
        Matcher pairs = PAR.matcher(cut);
        StringBuilder out = new StringBuilder();
        while (pairs.find()) {
            String key = pairs.group(2).trim();
            if (Claves.sensible(key)
                    && !pairs.group(3).isEmpty()
                    && !pairs.group(3).contains(RETIRADO)) {
                quitados++;
                String value = pairs.group(3);
                String quote = value.startsWith("\"") ? "\"" : value.startsWith("'") ? "'" : "";
                pairs.appendReplacement(
                        out,
                        Matcher.quoteReplacement(pairs.group(0).substring(0, pairs.start(3) - pairs.start())
                                + quote
                                + RETIRADO
                                + quote));
            }
        }
        pairs.appendTail(out);
        return out.toString();
    }
}
