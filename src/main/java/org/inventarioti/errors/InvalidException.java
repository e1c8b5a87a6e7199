package org.inventarioti.errors;

import java.util.List;

/** The input breaks rules: every error at once, each naming its field. */
public class InvalidException extends DomainException {

    private final transient List<FieldError> errors;

    public InvalidException(List<FieldError> errors) {
        this(describe(errors), errors);
    }

    protected InvalidException(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public static InvalidException of(String field, String message) {
        return new InvalidException(List.of(FieldError.of(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        return errors.stream()
                .map(FieldError::describe)
                .reduce((a, b) -> a + "; " + b)
                .orElse("Invalid input");
    }
}
