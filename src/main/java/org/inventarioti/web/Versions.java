package org.inventarioti.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * Optimistic locking over HTTP: a resource's ETag is its version ({@code "3"}); a change names the
 * version it was based on, in the body ({@code version}) or as {@code If-Match}.
 */
public final class Versions {

    private static final Pattern ETAG = Pattern.compile("\"(\\d{1,9})\"");

    private Versions() {}

    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** The version a change is based on; 428 when neither is given, 400 when they disagree. */
    public static int required(Integer bodyVersion, String ifMatch) {
        Optional<Integer> header = ifMatch(ifMatch);
        if (header.isPresent() && bodyVersion != null && !header.get().equals(bodyVersion)) {
            throw ApiException.badRequest(
                    "The version in the body (" + bodyVersion + ") and If-Match (" + ifMatch.trim() + ") disagree");
        }
        if (header.isEmpty() && bodyVersion == null) {
            throw new ApiException(
                            HttpStatus.PRECONDITION_REQUIRED,
                            "Version required",
                            "Send the version you read: the body field version or the header If-Match with the ETag")
                    .with("errors", java.util.List.of(ApiException.FieldError.of("version", "required")));
        }
        return header.orElse(bodyVersion);
    }

    /** The version named by {@code If-Match}, if the header is present; 400 when it is not an ETag of ours. */
    public static Optional<Integer> ifMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return Optional.empty();
        }
        Matcher matcher = ETAG.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw ApiException.badRequest("If-Match must be the ETag of the resource, e.g. \"3\"");
        }
        return Optional.of(Integer.parseInt(matcher.group(1)));
    }

    /** 409 for a change based on a version that is no longer current; carries the current state. */
    public static ApiException stale(String entity, Object id, int sent, Object actual, int actualVersion) {
        ApiException conflict = ApiException.conflict(
                        entity + " " + id + " was changed by someone else (you sent version " + sent + ", it is at "
                                + actualVersion + "); review the current state in 'actual' and retry")
                .with("actual", actual);
        conflict.getHeaders().setETag(etag(actualVersion));
        return conflict;
    }
}
