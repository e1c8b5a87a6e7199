package org.inventarioti.usuarios;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A partial change: absent fields stay as they are. */
public record ActualizarUsuarioRequest(
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String nombre,

        Rol rol,
        Boolean enabled) {}
