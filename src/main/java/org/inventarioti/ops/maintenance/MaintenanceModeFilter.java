package org.inventarioti.ops.maintenance;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.inventarioti.web.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While maintenance mode is on, every request that could change data (anything but GET, HEAD and
 * OPTIONS) is answered 503 with {@code Retry-After} before it reaches security or a controller.
 * Logging in and out still work, so people can keep reading. API clients get a problem body; a
 * browser posting a form gets the error page, which explains the pause and shows the banner.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class MaintenanceModeFilter extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> SESSION =
            Set.of("/api/auth/login", "/api/usuarios/login", "/api/auth/logout", "/login", "/logout");

    private final MaintenanceModeService service;
    private final ProblemWriter problems;

    MaintenanceModeFilter(MaintenanceModeService service, ProblemWriter problems) {
        this.service = service;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return READS.contains(request.getMethod()) || SESSION.contains(path);
    }

    /** A form post from the web UI (not the API), from a client that wants HTML. */
    private static boolean isBrowser(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return !path.startsWith("/api/") && accept != null && accept.contains("text/html");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        MaintenanceState state = service.stateForWrite();
        if (!state.active()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds =
                Math.max(1, state.retryAfter(OffsetDateTime.now(ZoneOffset.UTC)).toSeconds());
        ProblemDetail problem =
                ProblemWriter.problem(request, HttpStatus.SERVICE_UNAVAILABLE, "Maintenance", state.visibleMessage());
        problem.setProperty("maintenance", true);
        problem.setProperty("retry_after_seconds", seconds);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        if (isBrowser(request)) {
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value(), state.visibleMessage());
            return;
        }
        problems.write(request, response, problem);
    }
}
