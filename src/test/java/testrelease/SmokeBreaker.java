package testrelease;

import jakarta.servlet.Filter;
import org.inventarioti.ops.release.AppVersion;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * TEST ONLY, injected into a copy of the jar to make a "broken release": readiness and the
 * version check pass, but {@code /healthz} reports a status smoke refuses.
 */
@AutoConfiguration
public class SmokeBreaker {

    @Bean
    FilterRegistrationBean<Filter> brokenHealthz() {
        Filter filter = (request, response, chain) -> {
            response.setContentType("application/json");
            response.getWriter()
                    .write("{\"status\":\"broken\",\"version\":\"" + AppVersion.get() + "\",\"database\":\"up\"}");
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/healthz");
        registration.setOrder(Integer.MIN_VALUE);
        return registration;
    }
}
