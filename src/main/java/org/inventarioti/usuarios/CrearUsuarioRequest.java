package org.inventarioti.usuarios;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record CrearUsuarioRequest(
        @NotBlank @Size(max = 200) String nombre,
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull Rol rol,
        @NotNull String password) {

    @Override
    public String toString() {
        return "CrearUsuarioRequest[nombre=" + nombre + ", email=" + email + ", rol=" + rol + "]";
    }
}
