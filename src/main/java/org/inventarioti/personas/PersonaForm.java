package org.inventarioti.personas;

/** The person form (texts as typed; the service checks them). */
record PersonaForm(
        String nombre,
        String email,
        String numeroEmpleado,
        String area,
        String cargo,
        Boolean activa,
        Long usuarioId,
        Integer version) {

    static PersonaForm nueva() {
        return new PersonaForm("", "", "", "", "", true, null, null);
    }

    static PersonaForm de(Persona p) {
        return new PersonaForm(
                p.nombre(), p.email(), p.numeroEmpleado(), p.area(), p.cargo(), p.activa(), p.usuarioId(), p.version());
    }

    PersonaRequest request() {
        return new PersonaRequest(
                nombre, email, numeroEmpleado, area, cargo, activa != null && activa, usuarioId, version);
    }
}
