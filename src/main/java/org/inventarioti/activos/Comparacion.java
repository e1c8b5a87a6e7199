package org.inventarioti.activos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The conflict screen, field by field: the value the person loaded (the original, which travels
 * with the form, {@link TextosFormulario}), the value the other person saved and the person's
 * own, and who changed it. The form shown again takes the other person's value where only they
 * changed a field, keeps the person's where only they did, and keeps the person's where both did
 * (marked, for them to decide), so saving it never silently undoes the other's change. Without
 * the original (a form from before this screen existed) the rows say only whether the two differ.
 */
record Comparacion(List<Fila> filas, FormularioActivo combinado, boolean conOriginal) {

    enum Cambio {
        NINGUNO,
        SUYO,
        MIO,
        AMBOS,
        IGUAL,
        /** No original to tell: the values only differ. */
        DISTINTO
    }

    /** A compared field: the label key (null: show {@code nombre}), the three values as read, who changed it. */
    record Fila(
            String mensaje, String nombre, String campo, String original, String mio, String actual, Cambio cambio) {

        public boolean distinto() {
            return !mio.equals(actual);
        }
    }

    static Comparacion de(
            FormularioActivo mio,
            Map<String, String> original,
            Activo actual,
            List<CamposEspecificacion.Campo> campos,
            Function<String, String> nombreCategoria) {
        Map<String, String> mios = TextosFormulario.de(mio);
        Map<String, String> suyos = TextosFormulario.de(FormularioActivo.de(actual, campos));
        Set<String> claves = new LinkedHashSet<>();
        for (String campo : FormularioActivo.CAMPOS) {
            if (!campo.equals("version")) {
                claves.add(campo);
            }
        }
        claves.addAll(mios.keySet());
        claves.addAll(suyos.keySet());
        if (original != null) {
            claves.addAll(original.keySet());
        }
        List<Fila> filas = new ArrayList<>();
        Map<String, String> combinados = new LinkedHashMap<>();
        for (String campo : claves) {
            String m = mios.getOrDefault(campo, "");
            String s = suyos.getOrDefault(campo, "");
            Cambio cambio = cambio(original == null ? null : original.getOrDefault(campo, ""), m, s);
            combinados.put(campo, cambio == Cambio.SUYO ? s : m);
            String o = original == null ? "" : original.getOrDefault(campo, "");
            if (campo.equals("categoria_id")) {
                filas.add(new Fila(
                        "activos.campo.categoria",
                        campo,
                        campo,
                        nombreCategoria.apply(o),
                        nombreCategoria.apply(m),
                        actual.categoria(),
                        cambio));
            } else if (campo.startsWith(FormularioActivo.PREFIJO)) {
                String clave = campo.substring(FormularioActivo.PREFIJO.length());
                String etiqueta = campos.stream()
                        .filter(c -> c.clave().equals(clave))
                        .map(CamposEspecificacion.Campo::etiqueta)
                        .findFirst()
                        .orElse(clave);
                filas.add(new Fila(null, etiqueta, campo, o, m, s, cambio));
            } else {
                filas.add(new Fila("activos.campo." + campo, campo, campo, o, m, s, cambio));
            }
        }
        return new Comparacion(filas, formulario(combinados, actual.version(), campos), original != null);
    }

    static Cambio cambio(String original, String mio, String suyo) {
        if (original == null) {
            return mio.equals(suyo) ? Cambio.NINGUNO : Cambio.DISTINTO;
        }
        boolean yo = !mio.equals(original);
        boolean otro = !suyo.equals(original);
        if (yo && otro) {
            return mio.equals(suyo) ? Cambio.IGUAL : Cambio.AMBOS;
        }
        return yo ? Cambio.MIO : otro ? Cambio.SUYO : Cambio.NINGUNO;
    }

    /** The combined values as the form would send them, based on the version now saved. */
    private static FormularioActivo formulario(
            Map<String, String> valores, int version, List<CamposEspecificacion.Campo> campos) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        Set<String> delEsquema = new LinkedHashSet<>();
        campos.forEach(c -> delEsquema.add(c.clave()));
        valores.forEach((campo, valor) -> {
            if (!campo.startsWith(FormularioActivo.PREFIJO)) {
                params.add(campo, valor);
            } else if (delEsquema.contains(campo.substring(FormularioActivo.PREFIJO.length()))) {
                params.add(campo, valor);
            } else if (!valor.isEmpty()) {
                params.add("extra_clave", campo.substring(FormularioActivo.PREFIJO.length()));
                params.add("extra_valor", valor);
            }
        });
        params.set("version", String.valueOf(version));
        return FormularioActivo.de(params);
    }
}
