package org.inventarioti.errors;

/** A change based on a version that is no longer current; carries the current record to review. */
public class StaleVersionException extends ConflictException {

    private final transient Object current;
    private final int currentVersion;

    public StaleVersionException(String entity, Object id, int sent, Object current, int currentVersion) {
        super(entity + " " + id + " was changed by someone else (you sent version " + sent + ", it is at "
                + currentVersion + "); review the current state in 'actual' and retry");
        this.current = current;
        this.currentVersion = currentVersion;
    }

    public Object current() {
        return current;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
