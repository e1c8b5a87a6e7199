package org.inventarioti.asignaciones;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A check-in: the condition it comes back in, notes, and optionally the place it goes back to. */
record DevolucionRequest(
        @NotNull @Pattern(regexp = Condiciones.REGEX, message = Condiciones.MENSAJE)
        String condicion,

        @Size(max = 2000) String notas,
        Long ubicacionId) {}
