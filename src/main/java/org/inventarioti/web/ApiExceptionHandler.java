package org.inventarioti.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.inventarioti.errors.DomainException;
import org.inventarioti.errors.FieldError;
import org.inventarioti.errors.InvalidException;
import org.inventarioti.errors.JsonNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every API error as an RFC 9457 problem detail carrying the request id: the services' domain
 * exceptions as {@link Problem} words them, bad JSON and wrong types 400, and nothing the client
 * sends yields a 500. Unexpected failures are logged with the request id and answered without internals.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> FieldError.of(JsonNames.snakeCase(e.getField()), e.getDefaultMessage()))
                .toList();
        List<FieldError> global = ex.getBindingResult().getGlobalErrors().stream()
                .map(e -> FieldError.of(e.getObjectName(), e.getDefaultMessage()))
                .toList();
        var all = new java.util.ArrayList<>(errors);
        all.addAll(global);
        return handle(Problem.of(new InvalidException(all)), ex, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> FieldError.of(
                                JsonNames.snakeCase(result.getMethodParameter().getParameterName()),
                                error.getDefaultMessage())))
                .toList();
        var problem = Problem.badRequest(errors.stream()
                        .map(e -> e.field() + ": " + e.message())
                        .reduce((a, b) -> a + "; " + b)
                        .orElse("Invalid parameters"))
                .with("errors", errors);
        return handle(problem, ex, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(ex, RequestBodyLimitFilter.BodyTooLargeException.class)) {
            return handle(
                    new Problem(
                            HttpStatus.CONTENT_TOO_LARGE,
                            "Payload too large",
                            rootMessage(ex, RequestBodyLimitFilter.BodyTooLargeException.class)),
                    ex,
                    request);
        }
        return handle(Problem.badRequest(describeUnreadable(ex)), ex, request);
    }

    private static String describeUnreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + path(unknown) + "'";
        }
        if (cause instanceof InvalidFormatException invalid) {
            return "Field '" + path(invalid) + "' has a wrong value";
        }
        if (cause instanceof MismatchedInputException mismatched
                && !mismatched.getPath().isEmpty()) {
            return "Field '" + path(mismatched) + "' has the wrong type";
        }
        if (cause instanceof JacksonException) {
            return "Malformed JSON body";
        }
        return "The request body is missing or unreadable";
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> handleDomain(DomainException ex, WebRequest request) {
        return handle(Problem.of(ex), ex, request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> handleOptimisticLocking(OptimisticLockingFailureException ex, WebRequest request) {
        return handle(
                new Problem(
                        HttpStatus.CONFLICT, "Conflict", "The resource was changed by someone else; reload and retry"),
                ex,
                request);
    }

    /** A database refusal of what the client sent as {@link Problem#of(DataAccessException)} words it; else a 500. */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Object> handleDatabase(DataAccessException ex, WebRequest request) {
        Optional<Problem> problem = Problem.of(ex);
        if (problem.isEmpty()) {
            return handleUnexpected(ex, request);
        }
        log.info(
                "Database refused the request: {}",
                ex.getMostSpecificCause().getClass().getSimpleName());
        return handle(problem.get(), ex, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> handleDenied(AccessDeniedException ex, WebRequest request) {
        return handle(new Problem(HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this"), ex, request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> handleUnauthenticated(AuthenticationException ex, WebRequest request) {
        return handle(new Problem(HttpStatus.UNAUTHORIZED, "Unauthorized", "Authentication required"), ex, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        log.error("Unexpected error handling {}", describe(request), ex);
        return handle(
                new Problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "Internal error",
                        "An unexpected error occurred; quote request id " + RequestIdFilter.current()),
                ex,
                request);
    }

    private ResponseEntity<Object> handle(Problem problem, Exception ex, WebRequest request) {
        return handleExceptionInternal(ex, problem.getBody(), problem.getHeaders(), problem.getStatusCode(), request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            enrich(problem, request);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static void enrich(ProblemDetail problem, WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            HttpServletRequest http = servlet.getRequest();
            problem.setInstance(URI.create(http.getRequestURI()));
        }
        problem.setProperty("request_id", RequestIdFilter.current());
    }

    private static String describe(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getMethod() + " " + servlet.getRequest().getRequestURI()
                : request.getDescription(false);
    }

    private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t.getMessage();
            }
        }
        return ex.getMessage();
    }
}
