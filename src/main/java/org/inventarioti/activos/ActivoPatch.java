package org.inventarioti.activos;

import com.fasterxml.jackson.annotation.JsonCreator;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of a partial update. Its text form names the fields only, so that no log line (not
 * even framework debug logging of request bodies) can carry a value, such as a refused secret.
 */
@io.swagger.v3.oas.annotations.media.Schema(
        type = "object",
        description = "JSON Merge Patch (RFC 7396) of an asset: the fields to change; null clears a field or removes an"
                + " especificaciones key; especificaciones merge key by key")
record ActivoPatch(ObjectNode body) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    ActivoPatch {}

    @Override
    public String toString() {
        return "ActivoPatch" + body.propertyNames();
    }
}
