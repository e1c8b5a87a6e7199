package org.inventarioti.ops.preflight;

/** One preflight check: what was checked, whether it holds, and a detail that never holds a secret. */
public record PreflightCheck(String name, boolean ok, String detail) {

    static PreflightCheck ok(String name, String detail) {
        return new PreflightCheck(name, true, detail);
    }

    static PreflightCheck fail(String name, String detail) {
        return new PreflightCheck(name, false, detail);
    }

    public String line() {
        return (ok ? "OK    " : "FAIL  ") + name + ": " + detail;
    }
}
