package org.inventarioti.activos;

import java.util.LinkedHashMap;
import java.util.Map;
import org.inventarioti.secretos.DetectorSecretos;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An asset form's values as text, field by field ({@code nombre}, {@code especificaciones.ram}),
 * stripped, empty ones left out: what the conflict screen compares. The values the person loaded
 * travel with the form as one hidden field ({@code original}, this map as JSON), so a later
 * conflict can tell who changed what; a missing or unreadable one is no original.
 */
final class TextosFormulario {

    static final String CAMPO = "original";

    private TextosFormulario() {}

    static Map<String, String> de(FormularioActivo form) {
        Map<String, String> textos = new LinkedHashMap<>();
        for (String campo : FormularioActivo.CAMPOS) {
            if (!campo.equals("version")) {
                poner(textos, campo, form.valor(campo));
            }
        }
        form.especificaciones().forEach((k, v) -> poner(textos, FormularioActivo.PREFIJO + k.strip(), v));
        form.extras().forEach(p -> {
            String clave = FormularioActivo.PREFIJO + p.clave().strip();
            if (!p.clave().isBlank() && !textos.containsKey(clave)) {
                poner(textos, clave, p.valor());
            }
        });
        return textos;
    }

    static String json(FormularioActivo form, JsonMapper json) {
        return json.writeValueAsString(de(form));
    }

    static Map<String, String> leer(String texto, JsonMapper json) {
        if (texto == null || texto.isBlank()) {
            return null;
        }
        try {
            JsonNode nodo = json.readTree(texto);
            if (!nodo.isObject()) {
                return null;
            }
            Map<String, String> textos = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : nodo.properties()) {
                // Never echo a secret back, whatever the browser sent.
                if (e.getValue().isString()
                        && !DetectorSecretos.claveSensible(e.getKey())
                        && !ReglasEspecificaciones.pareceSecreto(e.getValue().asString())) {
                    poner(textos, e.getKey(), e.getValue().asString());
                }
            }
            return textos;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static void poner(Map<String, String> textos, String campo, String valor) {
        if (valor != null && !valor.isBlank()) {
            textos.put(campo, valor.strip());
        }
    }
}
