package org.inventarioti.errors;

import java.util.List;

/** A change that does not say which version it is based on (optimistic locking needs it). */
public class VersionRequiredException extends InvalidException {

    public VersionRequiredException() {
        super(
                "Send the version you read: the body field version or the header If-Match with the ETag",
                List.of(FieldError.of("version", "required")));
    }
}
