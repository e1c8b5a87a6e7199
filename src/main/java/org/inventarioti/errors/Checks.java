package org.inventarioti.errors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Bean Validation of an input record, as field errors named like the JSON (snake_case). */
public final class Checks {

    /** The dates the inventory accepts anywhere (purchase, warranty, maintenance, filters). */
    public static final java.time.LocalDate PRIMERA_FECHA = java.time.LocalDate.of(1900, 1, 1);

    public static final java.time.LocalDate ULTIMA_FECHA = java.time.LocalDate.of(2199, 12, 31);

    private Checks() {}

    /** Whether a date lies in the plausible range {@link #PRIMERA_FECHA} … {@link #ULTIMA_FECHA}. */
    public static boolean fechaPlausible(java.time.LocalDate date) {
        return !date.isBefore(PRIMERA_FECHA) && !date.isAfter(ULTIMA_FECHA);
    }

    /**
     * The violations with their English message and a code a client words in its own language:
     * the constraint's name ({@code NotBlank}, {@code Size}…) with its bounds as arguments, or,
     * for the messages written here, what they say ({@code oneOf} with the values, {@code
     * NotBlank}, {@code notNegative}, {@code currency}).
     */
    public static List<FieldError> violations(Validator validator, Object input) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<Object> violation : validator.validate(input)) {
            String message = violation.getMessage();
            Codigo codigo = codigo(violation);
            errors.add(FieldError.of(
                    JsonNames.snakeCase(violation.getPropertyPath().toString()),
                    message,
                    codigo.code(),
                    codigo.args()));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return errors;
    }

    private record Codigo(String code, List<String> args) {}

    private static Codigo codigo(ConstraintViolation<Object> violation) {
        String template = violation.getMessageTemplate();
        String message = violation.getMessage();
        var descriptor = violation.getConstraintDescriptor();
        String name = descriptor.getAnnotation().annotationType().getSimpleName();
        java.util.Map<String, Object> attributes = descriptor.getAttributes();
        if (!template.startsWith("{")) {
            if (message.startsWith("must be one of: ")) {
                return new Codigo("oneOf", List.of(message.substring("must be one of: ".length())));
            }
            switch (message) {
                case "must not be blank" -> {
                    return new Codigo("NotBlank", List.of());
                }
                case "must not be negative" -> {
                    return new Codigo("notNegative", List.of());
                }
                case "must be an ISO 4217 code such as USD or EUR" -> {
                    return new Codigo("currency", List.of());
                }
                default -> {}
            }
            if (!name.equals("Digits")) {
                return new Codigo(null, List.of());
            }
        }
        if (name.equals("Size") && Integer.valueOf(0).equals(attributes.get("min"))) {
            return new Codigo("SizeMax", List.of(String.valueOf(attributes.get("max"))));
        }
        List<String> args = new ArrayList<>();
        for (String attribute : List.of("min", "max", "value", "integer", "fraction")) {
            Object value = attributes.get(attribute);
            if (value != null && !(name.equals("Size") && attribute.equals("max") && value.equals(Integer.MAX_VALUE))) {
                args.add(String.valueOf(value));
            }
        }
        return new Codigo(name, args);
    }

    /** Throws {@link InvalidException} when there are errors. */
    public static void orFail(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidException(errors);
        }
    }
}
