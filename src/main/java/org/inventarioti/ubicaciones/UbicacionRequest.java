package org.inventarioti.ubicaciones;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A place as clients send it: its name and parent (null: a root); changing the parent moves the subtree. */
@JsonIgnoreProperties(
        value = {"id", "ruta", "nivel", "created_at", "created_by", "updated_at", "updated_by"},
        allowGetters = true)
public record UbicacionRequest(
        @NotBlank
        @Size(max = 200)
        @Pattern(regexp = "[^›>]*", message = "must not contain › or > (they separate the parts of a path)")
        String nombre,

        Long padreId,
        Integer version) {

    UbicacionRequest limpio() {
        return new UbicacionRequest(nombre.strip().replaceAll("\\s+", " "), padreId, version);
    }
}
