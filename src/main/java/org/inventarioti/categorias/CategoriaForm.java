package org.inventarioti.categorias;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The category form: the schema travels as the JSON text the administrator typed (empty: any
 * especificaciones object). The constraints repeat CategoriaRequest's to show them in the
 * reader's language; the service decides.
 */
record CategoriaForm(
        @NotBlank @Size(max = 100) String nombre,
        @Size(max = 1000) String descripcion,
        String esquema,
        Integer version) {

    static CategoriaForm nueva() {
        return new CategoriaForm("", "", EJEMPLO, null);
    }

    static final String EJEMPLO = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "properties": {}
            }""";
}
