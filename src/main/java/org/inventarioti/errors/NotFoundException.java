package org.inventarioti.errors;

/** The entity named does not exist. */
public class NotFoundException extends DomainException {

    private final String entity;
    private final transient Object id;

    public NotFoundException(String entity, Object id) {
        super(entity + " " + id + " does not exist");
        this.entity = entity;
        this.id = id;
    }

    public String entity() {
        return entity;
    }

    public Object id() {
        return id;
    }
}
