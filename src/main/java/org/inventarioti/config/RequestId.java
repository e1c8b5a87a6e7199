package org.inventarioti.config;

import org.slf4j.MDC;

/**
 * The id of the request being served, as web/RequestIdFilter set it in the logging context: read
 * by the audit trail and the error bodies without depending on the web layer.
 */
public final class RequestId {

    public static final String MDC_KEY = "requestId";

    private RequestId() {}

    /** Null outside a request (CLI commands, scheduled work). */
    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
