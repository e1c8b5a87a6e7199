package org.inventarioti.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One invalid input field, named by its JSON path ({@code especificaciones.ram}), with an English
 * message. Errors found by a category's JSON Schema also carry the schema keyword that failed
 * ({@code code}: {@code type}, {@code enum}, {@code minimum}, …) and its arguments, so a client
 * (the web UI among them) can word the error in its own language.
 */
public record FieldError(
        String field,
        String message,
        @JsonInclude(JsonInclude.Include.NON_NULL) String code,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> args) {

    public FieldError {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static FieldError of(String field, String message) {
        return new FieldError(field, message, null, List.of());
    }

    public static FieldError of(String field, String message, String code, List<String> args) {
        return new FieldError(field, message, code, args);
    }

    String describe() {
        return field + ": " + message;
    }
}
