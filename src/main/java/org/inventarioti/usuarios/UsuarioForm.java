package org.inventarioti.usuarios;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The user form of the admin pages. On creation an empty password means "generate one"; on
 * editing, email and password are not used (the email never changes, passwords are reset apart).
 */
record UsuarioForm(
        @NotBlank @Size(max = 200) String nombre,
        @Email @Size(max = 254) String email,
        @NotNull Rol rol,
        Boolean enabled,
        @Size(max = 72) String password) {

    static UsuarioForm nuevo() {
        return new UsuarioForm("", "", Rol.LECTOR, true, "");
    }

    static UsuarioForm de(UsuarioView usuario) {
        return new UsuarioForm(usuario.nombre(), usuario.email(), usuario.rol(), usuario.enabled(), "");
    }

    @Override
    public String toString() {
        return "UsuarioForm[nombre=" + nombre + ", email=" + email + ", rol=" + rol + ", enabled=" + enabled + "]";
    }
}
