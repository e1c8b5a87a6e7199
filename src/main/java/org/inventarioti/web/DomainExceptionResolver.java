package org.inventarioti.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.inventarioti.errors.DomainException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver;

/**
 * Outside the API (pages, label PDFs, QR images) a domain exception a controller lets through
 * becomes its status and headers, with the detail as the error message, and the error page
 * renders it.
 */
final class DomainExceptionResolver extends DefaultHandlerExceptionResolver {

    @Override
    protected ModelAndView doResolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!(ex instanceof DomainException domain)) {
            return null;
        }
        try {
            return handleErrorResponse(Problem.of(domain), request, response, handler);
        } catch (IOException e) {
            logger.warn("Could not send the error of " + ex.getClass().getSimpleName(), e);
            return null;
        }
    }
}
