package org.inventarioti.activos;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The conflict screen's table: each field with the value the person sent and the value someone
 * else saved meanwhile, marked when they differ (in words, not only by colour).
 */
record Comparacion(List<Fila> filas) {

    /** A compared field: the label key (null: show {@code nombre}), both values, whether they differ. */
    record Fila(String mensaje, String nombre, String campo, String mio, String actual, boolean distinto) {}

    static Comparacion de(
            FormularioActivo mio,
            Activo actual,
            List<CamposEspecificacion.Campo> campos,
            Function<String, String> nombreCategoria) {
        FormularioActivo suyo = FormularioActivo.de(actual, campos);
        List<Fila> filas = new ArrayList<>();
        for (String campo : FormularioActivo.CAMPOS) {
            if (campo.equals("version")) {
                continue;
            }
            String a = mio.valor(campo).strip();
            String b = suyo.valor(campo).strip();
            if (campo.equals("categoria_id")) {
                a = nombreCategoria.apply(a);
                b = actual.categoria();
            }
            filas.add(new Fila(
                    "activos.campo." + campo.replace("categoria_id", "categoria"), campo, campo, a, b, !a.equals(b)));
        }
        Map<String, String> misEspecificaciones = new java.util.LinkedHashMap<>(mio.especificaciones());
        mio.extras().forEach(p -> misEspecificaciones.putIfAbsent(p.clave().strip(), p.valor()));
        Set<String> claves = new LinkedHashSet<>();
        misEspecificaciones.forEach((k, v) -> {
            if (!k.isEmpty() && !v.isBlank()) {
                claves.add(k);
            }
        });
        JsonNode suyas = actual.especificaciones();
        if (suyas != null) {
            claves.addAll(suyas.propertyNames());
        }
        for (String clave : claves) {
            String etiqueta = campos.stream()
                    .filter(c -> c.clave().equals(clave))
                    .map(CamposEspecificacion.Campo::etiqueta)
                    .findFirst()
                    .orElse(clave);
            String a = misEspecificaciones.getOrDefault(clave, "").strip();
            String b = suyas == null ? "" : CamposEspecificacion.texto(suyas.get(clave));
            filas.add(new Fila(null, etiqueta, FormularioActivo.PREFIJO + clave, a, b, !a.equals(b)));
        }
        return new Comparacion(filas);
    }
}
