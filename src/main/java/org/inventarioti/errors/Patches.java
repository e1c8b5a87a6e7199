package org.inventarioti.errors;

import java.util.Map;
import java.util.function.UnaryOperator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Partial updates as JSON Merge Patch (RFC 7396): a member set to null is removed (a top-level
 * field becomes null), an object is merged into the object it replaces, anything else replaces
 * the target's value.
 */
public final class Patches {

    private Patches() {}

    /** The version a patch names in its body, null when it names none. */
    public static Integer version(ObjectNode patch) {
        JsonNode sent = patch.get("version");
        if (sent != null && !sent.isNull() && !sent.isInt()) {
            throw new MalformedException("Field 'version' has the wrong type");
        }
        return sent != null && sent.isInt() ? sent.intValue() : null;
    }

    /**
     * The record as a request of {@code type} with the patch applied. The members named in {@code
     * merged} are objects merged key by key, their keys spelt as the given function stores them;
     * every other member replaces the field. An unknown field or a value of the wrong type is
     * malformed, naming the field.
     */
    public static <T> T apply(
            JsonMapper json,
            Object current,
            ObjectNode patch,
            Map<String, UnaryOperator<String>> merged,
            Class<T> type) {
        ObjectNode target = json.valueToTree(current);
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            JsonNode value = member.getValue();
            UnaryOperator<String> keys = merged.get(member.getKey());
            if (keys != null && value.isObject() && target.get(member.getKey()) instanceof ObjectNode object) {
                merge(object, value, keys);
            } else {
                target.set(member.getKey(), value);
            }
        }
        try {
            return json.treeToValue(target, type);
        } catch (JacksonException e) {
            throw new MalformedException(describe(e));
        }
    }

    /**
     * @param keys maps a member name to the name it is stored under, so that a patch may spell a
     *     key differently from how it was normalised (identity when keys are taken as they are)
     */
    public static void merge(ObjectNode target, JsonNode patch, UnaryOperator<String> keys) {
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            String key = keys.apply(member.getKey());
            JsonNode value = member.getValue();
            JsonNode existing = target.get(key);
            if (value.isNull()) {
                target.remove(key);
                target.remove(member.getKey());
            } else if (value.isObject() && existing instanceof ObjectNode object) {
                merge(object, value, keys);
            } else {
                target.remove(member.getKey());
                target.set(key, value.deepCopy());
            }
        }
    }

    private static String describe(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            }
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "Unknown field '" + path + "'";
        }
        return path.isEmpty() ? "Malformed patch" : "Field '" + path + "' has the wrong type or format";
    }
}
