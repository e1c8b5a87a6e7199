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

    public static List<FieldError> violations(Validator validator, Object input) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<Object> violation : validator.validate(input)) {
            errors.add(FieldError.of(
                    JsonNames.snakeCase(violation.getPropertyPath().toString()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return errors;
    }

    /** Throws {@link InvalidException} when there are errors. */
    public static void orFail(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidException(errors);
        }
    }
}
