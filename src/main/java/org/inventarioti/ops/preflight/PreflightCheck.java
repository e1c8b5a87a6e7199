package org.inventarioti.ops.preflight;

/** One preflight check: what was checked, whether it holds, and a detail that never holds a secret. */
public record PreflightCheck(String nombre, boolean ok, String detalle) {

    static PreflightCheck ok(String nombre, String detalle) {
        return new PreflightCheck(nombre, true, detalle);
    }

    static PreflightCheck falla(String nombre, String detalle) {
        return new PreflightCheck(nombre, false, detalle);
    }

    public String linea() {
        return (ok ? "OK    " : "FAIL  ") + nombre + ": " + detalle;
    }
}
