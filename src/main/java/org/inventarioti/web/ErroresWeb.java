package org.inventarioti.web;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/** Error pages and error JSON outside the API also carry the request id, to quote when reporting. */
@Component
class ErroresWeb extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object id = request.getAttribute(RequestIdFilter.MDC_KEY, RequestAttributes.SCOPE_REQUEST);
        if (id != null) {
            attributes.put("request_id", id);
        }
        return attributes;
    }
}
