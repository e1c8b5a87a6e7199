package org.inventarioti.personas;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A person as clients send it (create or full replace); absent activa means true. */
@JsonIgnoreProperties(
        value = {"id", "created_at", "created_by", "updated_at", "updated_by"},
        allowGetters = true)
public record PersonaRequest(
        @NotBlank @Size(max = 200) String nombre,
        @Email @Size(max = 320) String email,
        @Size(max = 50) String numeroEmpleado,
        @Size(max = 200) String area,
        @Size(max = 200) String cargo,
        Boolean activa,
        Long usuarioId,
        Integer version) {

    /** Texts trimmed and inner spaces collapsed in the name; blank optional ones as null. */
    PersonaRequest limpio() {
        return new PersonaRequest(
                nombre.strip().replaceAll("\\s+", " "),
                blank(email),
                blank(numeroEmpleado),
                blank(area),
                blank(cargo),
                activa == null || activa,
                usuarioId,
                version);
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
