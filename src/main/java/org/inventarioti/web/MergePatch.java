package org.inventarioti.web;

import java.util.Map;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Merge Patch (RFC 7396): a member set to null is removed (a top-level field becomes null),
 * an object is merged into the object it replaces, anything else replaces the target's value.
 */
public final class MergePatch {

    private MergePatch() {}

    /**
     * @param keys maps a member name to the name it is stored under, so that a patch may spell a
     *     key differently from how it was normalised (identity when keys are taken as they are)
     */
    public static void apply(ObjectNode target, JsonNode patch, UnaryOperator<String> keys) {
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            String key = keys.apply(member.getKey());
            JsonNode value = member.getValue();
            JsonNode existing = target.get(key);
            if (value.isNull()) {
                target.remove(key);
                target.remove(member.getKey());
            } else if (value.isObject() && existing instanceof ObjectNode object) {
                apply(object, value, keys);
            } else {
                target.remove(member.getKey());
                target.set(key, value.deepCopy());
            }
        }
    }
}
