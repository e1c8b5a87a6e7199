package org.inventarioti.ops.maintenance;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the maintenance flag in the model of every rendered page (as {@code modoMantenimiento}, only
 * while it is on) so the layout shows its banner. JSON answers and redirects are left alone.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class MaintenanceBanner implements WebMvcConfigurer {

    static final String ATTRIBUTE = "modoMantenimiento";

    private final MaintenanceModeService service;

    MaintenanceBanner(MaintenanceModeService service) {
        this.service = service;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(
                    HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
                if (view == null || !view.hasView() || isRedirect(view)) {
                    return;
                }
                MaintenanceState state = service.state();
                if (state.active()) {
                    view.addObject(ATTRIBUTE, state);
                }
            }
        });
    }

    private static boolean isRedirect(ModelAndView view) {
        String name = view.getViewName();
        return name != null && (name.startsWith("redirect:") || name.startsWith("forward:"));
    }
}
