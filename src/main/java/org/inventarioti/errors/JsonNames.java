package org.inventarioti.errors;

/** Java property names as the API spells them (snake_case, as the original API and tables). */
public final class JsonNames {

    private JsonNames() {}

    public static String snakeCase(String name) {
        if (name == null) {
            return null;
        }
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
