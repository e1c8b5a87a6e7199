package org.inventarioti.usuarios;

import jakarta.validation.constraints.NotNull;

public record CambiarPasswordRequest(
        @NotNull String passwordActual, @NotNull String passwordNueva) {

    @Override
    public String toString() {
        return "CambiarPasswordRequest[<hidden>]";
    }
}
