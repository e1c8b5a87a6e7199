package org.inventarioti.ops.preflight;

/** One preflight check: what was checked, whether it holds, and a detail that never holds a secret. */
public record Comprobacion(String nombre, boolean ok, String detalle) {

    static Comprobacion ok(String nombre, String detalle) {
        return new Comprobacion(nombre, true, detalle);
    }

    static Comprobacion falla(String nombre, String detalle) {
        return new Comprobacion(nombre, false, detalle);
    }

    public String linea() {
        return (ok ? "OK    " : "FAIL  ") + nombre + ": " + detalle;
    }
}
