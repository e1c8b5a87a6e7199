package org.inventarioti.errors;

import java.util.List;
import java.util.Optional;

/** The change clashes with what is stored: a duplicate (naming its field) or a rule between records. */
public class ConflictException extends DomainException {

    private final String field;

    public ConflictException(String detail) {
        this(detail, null);
    }

    private ConflictException(String detail, String field) {
        super(detail);
        this.field = field;
    }

    /** Another record already has this value of a unique field. */
    public static ConflictException duplicate(String field, String detail) {
        return new ConflictException(detail, field);
    }

    /** The unique field a duplicate is about. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    public List<FieldError> errors() {
        return field == null ? List.of() : List.of(FieldError.of(field, getMessage()));
    }
}
