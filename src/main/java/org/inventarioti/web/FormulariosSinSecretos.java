package org.inventarioti.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.inventarioti.secretos.DetectorSecretos;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

/**
 * A page never writes a secret back into a form field: when a refused form is shown again, a
 * recovery key or private key block the user typed is cut from every field value the page renders
 * (Thymeleaf's {@code th:field} passes each value through the {@link RequestDataValueProcessor}).
 * The service refuses and names the field; the value itself is neither stored nor echoed. Wraps
 * the processor Spring Security registers (which adds the CSRF field) rather than replacing it.
 */
@Component
class FormulariosSinSecretos implements BeanPostProcessor {

    static final String BEAN = "requestDataValueProcessor";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (BEAN.equals(beanName) && bean instanceof RequestDataValueProcessor delegate) {
            return new SinSecretos(delegate);
        }
        return bean;
    }

    record SinSecretos(RequestDataValueProcessor delegate) implements RequestDataValueProcessor {

        @Override
        public String processAction(HttpServletRequest request, String action, String httpMethod) {
            return delegate.processAction(request, action, httpMethod);
        }

        @Override
        public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
            return delegate.processFormFieldValue(request, name, DetectorSecretos.retirar(value, ""), type);
        }

        @Override
        public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
            return delegate.getExtraHiddenFields(request);
        }

        @Override
        public String processUrl(HttpServletRequest request, String url) {
            return delegate.processUrl(request, url);
        }
    }
}
