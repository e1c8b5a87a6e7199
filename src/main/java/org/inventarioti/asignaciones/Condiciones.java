package org.inventarioti.asignaciones;

import java.util.List;

/** The condition an asset is handed over or returned in. */
final class Condiciones {

    static final List<String> TODAS = List.of("nuevo", "bueno", "regular", "dañado");
    static final String REGEX = "nuevo|bueno|regular|dañado";
    static final String MENSAJE = "must be one of: nuevo, bueno, regular, dañado";

    private Condiciones() {}
}
