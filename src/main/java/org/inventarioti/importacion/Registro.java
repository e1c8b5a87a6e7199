package org.inventarioti.importacion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import run decided, row by row, kept as counts with a few examples so that a run over
 * a million rows stays small: per table the rows read, imported, quarantined and refused (with
 * each reason and the refused ids), and every mapping decision. Source-neutral.
 */
final class Registro {

    static final int EJEMPLOS = 5;

    private final Map<String, Cuenta> tablas = new LinkedHashMap<>();
    private final Map<String, Decision> decisiones = new LinkedHashMap<>();
    private final List<String> avisos = new ArrayList<>();
    private final List<String> secretos = new ArrayList<>();
    private long clavesSecretas;

    static final class Cuenta {
        long leidas;
        long importadas;
        long cuarentena;
        final Map<String, Long> motivos = new TreeMap<>();
        final List<Informe.Rechazo> rechazos = new ArrayList<>();
    }

    static final class Decision {
        final String seccion;
        final String de;
        final String a;
        long filas;
        final List<String> ejemplos = new ArrayList<>();

        Decision(String seccion, String de, String a) {
            this.seccion = seccion;
            this.de = de;
            this.a = a;
        }
    }

    Cuenta tabla(String nombre) {
        return tablas.computeIfAbsent(nombre, n -> new Cuenta());
    }

    void leida(String tabla) {
        tabla(tabla).leidas++;
    }

    void importada(String tabla) {
        tabla(tabla).importadas++;
    }

    void enCuarentena(String tabla) {
        tabla(tabla).cuarentena++;
    }

    /** A row left out, with the reason an operator can act on; never a value that may be secret. */
    void rechazada(String tabla, String id, String motivo) {
        Cuenta cuenta = tabla(tabla);
        cuenta.motivos.merge(motivo, 1L, Long::sum);
        cuenta.rechazos.add(new Informe.Rechazo(id, motivo));
    }

    /** A mapping decision: in {@code seccion}, {@code de} became {@code a} for the row {@code ejemplo}. */
    void decision(String seccion, String de, String a, String ejemplo) {
        Decision d =
                decisiones.computeIfAbsent(seccion + "\u0000" + de + "\u0000" + a, k -> new Decision(seccion, de, a));
        d.filas++;
        if (ejemplo != null && d.ejemplos.size() < EJEMPLOS) {
            d.ejemplos.add(ejemplo);
        }
    }

    void aviso(String texto) {
        avisos.add(texto);
    }

    /** Secrets stripped from one row (named by its code); the values themselves are never kept. */
    void secretos(String codigo, int claves) {
        secretos.add(codigo);
        clavesSecretas += claves;
    }

    List<Informe.Tabla> tablas() {
        List<Informe.Tabla> out = new ArrayList<>();
        tablas.forEach((nombre, c) -> out.add(new Informe.Tabla(
                nombre,
                c.leidas,
                c.importadas,
                c.cuarentena,
                c.rechazos.size(),
                java.util.Collections.unmodifiableMap(new TreeMap<>(c.motivos)),
                c.rechazos)));
        return out;
    }

    /** Grouped by section (in the order sections first appeared), each in the order it first happened. */
    List<Informe.Decision> decisiones() {
        Map<String, List<Informe.Decision>> bySection = new LinkedHashMap<>();
        for (Decision d : decisiones.values()) {
            bySection
                    .computeIfAbsent(d.seccion, s -> new ArrayList<>())
                    .add(new Informe.Decision(d.seccion, d.de, d.a, d.filas, List.copyOf(d.ejemplos)));
        }
        return bySection.values().stream().flatMap(List::stream).toList();
    }

    List<String> avisos() {
        return List.copyOf(avisos);
    }

    Informe.Secretos secretos() {
        return new Informe.Secretos(clavesSecretas, List.copyOf(secretos));
    }
}
