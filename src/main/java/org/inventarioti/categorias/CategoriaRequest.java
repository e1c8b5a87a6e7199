package org.inventarioti.categorias;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.node.ObjectNode;

/**
 * A category as clients send it. Without an esquema the category accepts any especificaciones
 * object. {@code version} is required when replacing (or given as If-Match).
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(
        value = {"id"},
        allowGetters = true)
public record CategoriaRequest(
        @NotBlank @Size(max = 100) String nombre,
        @Size(max = 1000) String descripcion,
        ObjectNode esquema,
        Integer version) {}
