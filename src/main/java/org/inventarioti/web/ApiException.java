package org.inventarioti.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error a service reports to its caller: the HTTP adapters render it as an RFC 9457 problem
 * detail, the CLI prints its detail. Extra properties (field errors, the current version of a
 * resource) travel in the problem body.
 */
public class ApiException extends ErrorResponseException {

    public ApiException(HttpStatusCode status, String title, String detail) {
        super(status, problem(status, title, detail), null);
    }

    private static ProblemDetail problem(HttpStatusCode status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://inventario-ti.org/problemas/" + slug(title)));
        return problem;
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }

    public ApiException with(String property, Object value) {
        getBody().setProperty(property, value);
        return this;
    }

    /** Sets {@code Retry-After} (whole seconds, at least 1) and mirrors it in the body. */
    public ApiException withRetryAfter(java.time.Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        getHeaders().set(org.springframework.http.HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return with("retry_after_seconds", seconds);
    }

    public String detail() {
        return getBody().getDetail();
    }

    /** The field errors this problem carries (its {@code errors} property), empty when there are none. */
    public List<FieldError> fieldErrors() {
        Object errors = getBody().getProperties() == null
                ? null
                : getBody().getProperties().get("errors");
        if (!(errors instanceof List<?> items)) {
            return List.of();
        }
        return items.stream()
                .filter(FieldError.class::isInstance)
                .map(FieldError.class::cast)
                .toList();
    }

    public static ApiException notFound(String entity, Object id) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found", entity + " " + id + " does not exist");
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, "Conflict", detail);
    }

    public static ApiException duplicate(String field, String detail) {
        return conflict(detail).with("errors", List.of(FieldError.of(field, detail)));
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Bad request", detail);
    }

    public static ApiException unprocessable(List<FieldError> errors) {
        String detail = errors.stream()
                .map(FieldError::describe)
                .reduce((a, b) -> a + "; " + b)
                .orElse("Invalid input");
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Validation failed", detail).with("errors", errors);
    }

    public static ApiException unprocessable(String field, String message) {
        return unprocessable(List.of(FieldError.of(field, message)));
    }

    /**
     * One invalid input field, named by its JSON path ({@code especificaciones.ram}), with an English
     * message. Errors found by a category's JSON Schema also carry the schema keyword that failed
     * ({@code code}: {@code type}, {@code enum}, {@code minimum}, …) and its arguments, so a client
     * (the web UI among them) can word the error in its own language.
     */
    public record FieldError(
            String field,
            String message,
            @JsonInclude(JsonInclude.Include.NON_NULL) String code,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> args) {

        public FieldError {
            args = args == null ? List.of() : List.copyOf(args);
        }

        public static FieldError of(String field, String message) {
            return new FieldError(field, message, null, List.of());
        }

        public static FieldError of(String field, String message, String code, List<String> args) {
            return new FieldError(field, message, code, args);
        }

        String describe() {
            return field + ": " + message;
        }

        public Map<String, String> asMap() {
            return Map.of("field", field, "message", message);
        }
    }
}
