package org.inventarioti.errors;

import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** The request cannot be read as meant: a wrong type, an unknown or repeated parameter. */
public class MalformedException extends DomainException {

    private final String parameter;
    private Choices choices;

    /** The values a parameter accepts, under the name a client reads them by (e.g. sortable). */
    public record Choices(String name, SortedSet<String> values) {}

    public MalformedException(String detail) {
        this(detail, null);
    }

    /** @param parameter the query parameter at fault, for the pages to point at */
    public MalformedException(String detail, String parameter) {
        super(detail);
        this.parameter = parameter;
    }

    public Optional<String> parameter() {
        return Optional.ofNullable(parameter);
    }

    public MalformedException withChoices(String name, java.util.Collection<String> values) {
        choices = new Choices(name, new TreeSet<>(values));
        return this;
    }

    public Optional<Choices> choices() {
        return Optional.ofNullable(choices);
    }
}
