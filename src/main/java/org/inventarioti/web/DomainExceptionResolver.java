package org.inventarioti.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.inventarioti.errors.DomainException;
import org.springframework.dao.DataAccessException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver;

/**
 * Outside the API (pages, label PDFs, QR images) a domain exception a controller lets through
 * becomes its status and headers, with the detail as the error message, and the error page
 * renders it; so does a database refusal of what the client sent ({@link Problem#of(DataAccessException)}).
 */
final class DomainExceptionResolver extends DefaultHandlerExceptionResolver {

    @Override
    protected ModelAndView doResolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        Problem problem;
        if (ex instanceof DomainException domain) {
            problem = Problem.of(domain);
        } else if (ex instanceof DataAccessException data && Problem.of(data).isPresent()) {
            problem = Problem.of(data).get();
        } else {
            return null;
        }
        try {
            return handleErrorResponse(problem, request, response, handler);
        } catch (IOException e) {
            logger.warn("Could not send the error of " + ex.getClass().getSimpleName(), e);
            return null;
        }
    }
}
