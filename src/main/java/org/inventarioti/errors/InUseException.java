package org.inventarioti.errors;

/** The record cannot go while others use it: {@code count} of {@code usedBy} (e.g. activos) do. */
public class InUseException extends ConflictException {

    private final String usedBy;
    private final long count;

    public InUseException(String detail, String usedBy, long count) {
        super(detail);
        this.usedBy = usedBy;
        this.count = count;
    }

    public String usedBy() {
        return usedBy;
    }

    public long count() {
        return count;
    }
}
