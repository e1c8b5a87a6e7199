package org.inventarioti.personas;

import java.util.List;
import org.inventarioti.errors.FieldError;
import org.inventarioti.errors.InvalidException;

/** The person form, every field as typed (so any input binds and comes back to the form); the service checks it. */
record PersonaForm(
        String nombre,
        String email,
        String numeroEmpleado,
        String area,
        String cargo,
        String activa,
        String usuarioId,
        String version) {

    static PersonaForm nueva() {
        return new PersonaForm("", "", "", "", "", "true", "", "");
    }

    static PersonaForm de(Persona p) {
        return new PersonaForm(
                p.nombre(),
                p.email(),
                p.numeroEmpleado(),
                p.area(),
                p.cargo(),
                String.valueOf(p.activa()),
                p.usuarioId() == null ? "" : p.usuarioId().toString(),
                String.valueOf(p.version()));
    }

    boolean esActiva() {
        return "true".equals(activa);
    }

    PersonaRequest request() {
        return new PersonaRequest(
                nombre == null ? "" : nombre,
                email,
                numeroEmpleado,
                area,
                cargo,
                esActiva(),
                entero("usuarioId", usuarioId),
                version == null || version.isBlank() ? null : Math.toIntExact(entero("version", version)));
    }

    private static Long entero(String campo, String texto) {
        if (texto == null || texto.isBlank()) {
            return null;
        }
        try {
            long n = Long.parseLong(texto.strip());
            if (campo.equals("version") && (n < 0 || n > Integer.MAX_VALUE)) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidException(List.of(
                    FieldError.of(campo.equals("version") ? "version" : "usuario_id", "must be a whole number")));
        }
    }
}
