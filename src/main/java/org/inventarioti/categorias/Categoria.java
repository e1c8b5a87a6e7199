package org.inventarioti.categorias;

import tools.jackson.databind.JsonNode;

/** A category of equipment and the JSON Schema (draft 2020-12) its especificaciones follow. */
public record Categoria(long id, String nombre, String descripcion, JsonNode esquema, int version) {}
