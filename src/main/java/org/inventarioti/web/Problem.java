package org.inventarioti.web;

import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.inventarioti.errors.ConflictException;
import org.inventarioti.errors.DomainException;
import org.inventarioti.errors.FieldError;
import org.inventarioti.errors.InUseException;
import org.inventarioti.errors.InvalidException;
import org.inventarioti.errors.LoginRefusedException;
import org.inventarioti.errors.MalformedException;
import org.inventarioti.errors.NotFoundException;
import org.inventarioti.errors.StaleVersionException;
import org.inventarioti.errors.VersionRequiredException;
import org.inventarioti.errors.Versions;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * An error as HTTP says it: an RFC 9457 problem detail (type named after the title, extra
 * properties such as field errors or the current record) and its headers. The one place where the
 * domain's exceptions become statuses.
 */
final class Problem implements ErrorResponse {

    private final ProblemDetail body;
    private final HttpHeaders headers = new HttpHeaders();

    Problem(HttpStatusCode status, String title, String detail) {
        body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        body.setType(URI.create("https://inventario-ti.org/problemas/" + slug(title)));
    }

    static Problem of(DomainException e) {
        if (e instanceof NotFoundException) {
            return new Problem(HttpStatus.NOT_FOUND, "Not found", e.detail());
        }
        if (e instanceof VersionRequiredException required) {
            return new Problem(HttpStatus.PRECONDITION_REQUIRED, "Version required", e.detail())
                    .with("errors", required.errors());
        }
        if (e instanceof InvalidException invalid) {
            return unprocessable(invalid.errors(), e.detail());
        }
        if (e instanceof MalformedException malformed) {
            Problem problem = badRequest(e.detail());
            malformed.parameter().ifPresent(name -> problem.with("parameter", name));
            malformed.choices().ifPresent(choices -> problem.with(choices.name(), choices.values()));
            return problem;
        }
        if (e instanceof ConflictException conflict) {
            return conflict(conflict);
        }
        if (e instanceof LoginRefusedException refused) {
            return refused(refused);
        }
        throw new IllegalArgumentException(
                "No problem detail for " + e.getClass().getName(), e);
    }

    /**
     * A database refusal as the client's fault where it is one: a data exception (SQLSTATE class
     * 22: text the database cannot hold, a number or date out of its range, a value that does not
     * read as its type) is 422 when a bound was broken and 400 otherwise; only an integrity
     * constraint (class 23: unique, foreign key, check, not null) is a 409 conflict. Anything
     * else is the server's (empty).
     */
    static Optional<Problem> of(DataAccessException e) {
        String state = sqlState(e);
        if (state == null) {
            return Optional.empty();
        }
        if (state.startsWith("22")) {
            return Optional.of(
                    switch (state) {
                        case "22001", "22003", "22008", "22015" ->
                            new Problem(
                                    HttpStatus.UNPROCESSABLE_CONTENT,
                                    "Validation failed",
                                    "A value is out of the range the inventory can store");
                        default ->
                            badRequest("A value sent cannot be read as its type or holds characters"
                                    + " that cannot be stored");
                    });
        }
        if (state.startsWith("23")) {
            return Optional.of(new Problem(HttpStatus.CONFLICT, "Conflict", "The change conflicts with existing data"));
        }
        return Optional.empty();
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static Problem conflict(ConflictException e) {
        Problem problem = new Problem(HttpStatus.CONFLICT, "Conflict", e.detail());
        if (e instanceof StaleVersionException stale) {
            problem.with("actual", stale.current());
            problem.headers.setETag(Versions.etag(stale.currentVersion()));
        } else if (e instanceof InUseException inUse) {
            problem.with(inUse.usedBy(), inUse.count());
        } else if (!e.errors().isEmpty()) {
            problem.with("errors", e.errors());
        }
        return problem;
    }

    private static Problem refused(LoginRefusedException e) {
        Problem problem = switch (e.reason()) {
            case CREDENTIALS -> new Problem(HttpStatus.UNAUTHORIZED, "Invalid credentials", e.detail());
            case LOCKED -> new Problem(HttpStatus.LOCKED, "Account locked", e.detail());
            case RATE_LIMITED -> new Problem(HttpStatus.TOO_MANY_REQUESTS, "Too many login attempts", e.detail());
        };
        e.retryAfter().ifPresent(problem::retryAfter);
        return problem;
    }

    static Problem badRequest(String detail) {
        return new Problem(HttpStatus.BAD_REQUEST, "Bad request", detail);
    }

    static Problem unprocessable(List<FieldError> errors, String detail) {
        return new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "Validation failed", detail).with("errors", errors);
    }

    Problem with(String property, Object value) {
        body.setProperty(property, value);
        return this;
    }

    /** Sets {@code Retry-After} (whole seconds, at least 1) and mirrors it in the body. */
    private void retryAfter(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        with("retry_after_seconds", seconds);
    }

    @Override
    public HttpStatusCode getStatusCode() {
        return HttpStatusCode.valueOf(body.getStatus());
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }

    @Override
    public ProblemDetail getBody() {
        return body;
    }

    private static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
