package org.inventarioti.usuarios;

import jakarta.validation.constraints.NotNull;

public record NuevaPasswordRequest(@NotNull String password) {

    @Override
    public String toString() {
        return "NuevaPasswordRequest[password=<hidden>]";
    }
}
