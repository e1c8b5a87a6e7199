package org.inventarioti.usuarios;

/** Roles, each including the rights of the ones below it: ADMIN > TECNICO > LECTOR. */
public enum Rol {
    ADMIN,
    TECNICO,
    LECTOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
