package org.inventarioti.errors;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic locking: a record's ETag is its version ({@code "3"}); a change names the version it
 * was based on, in the body ({@code version}) or as {@code If-Match}, and is refused with the
 * current record when someone else changed it first.
 */
public final class Versions {

    private static final Pattern ETAG = Pattern.compile("\"(\\d{1,9})\"");

    private Versions() {}

    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** The version a change is based on; required, and the body and If-Match must agree. */
    public static int required(Integer bodyVersion, String ifMatch) {
        Optional<Integer> header = ifMatch(ifMatch);
        if (header.isPresent() && bodyVersion != null && !header.get().equals(bodyVersion)) {
            throw new MalformedException(
                    "The version in the body (" + bodyVersion + ") and If-Match (" + ifMatch.trim() + ") disagree");
        }
        if (header.isEmpty() && bodyVersion == null) {
            throw new VersionRequiredException();
        }
        return header.orElse(bodyVersion);
    }

    /** The version named by {@code If-Match}, if the header is present; malformed when it is not an ETag of ours. */
    public static Optional<Integer> ifMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return Optional.empty();
        }
        Matcher matcher = ETAG.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new MalformedException("If-Match must be the ETag of the resource, e.g. \"3\"");
        }
        return Optional.of(Integer.parseInt(matcher.group(1)));
    }

    /** The record, when it is still at the version the change is based on. */
    public static <T extends Versioned> T atVersion(String entity, Object id, int version, T current) {
        if (current.version() != version) {
            throw stale(entity, id, version, current);
        }
        return current;
    }

    /** The refusal of a change based on {@code sent}, carrying the current record. */
    public static StaleVersionException stale(String entity, Object id, int sent, Versioned current) {
        return new StaleVersionException(entity, id, sent, current, current.version());
    }
}
