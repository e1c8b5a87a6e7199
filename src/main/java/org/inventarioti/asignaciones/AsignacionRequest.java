package org.inventarioti.asignaciones;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A check-out: exactly one of persona_id, ubicacion_id or contenedor_id (another asset). */
record AsignacionRequest(
        Long personaId,
        Long ubicacionId,
        Long contenedorId,
        LocalDate devolucionPrevista,

        @NotNull @Pattern(regexp = Condiciones.REGEX, message = Condiciones.MENSAJE)
        String condicion,

        @Size(max = 2000) String notas) {}
