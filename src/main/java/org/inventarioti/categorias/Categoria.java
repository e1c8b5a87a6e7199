package org.inventarioti.categorias;

import org.inventarioti.errors.Versioned;
import tools.jackson.databind.JsonNode;

/** A category of equipment and the JSON Schema (draft 2020-12) its especificaciones follow. */
public record Categoria(long id, String nombre, String descripcion, JsonNode esquema, int version)
        implements Versioned {}
