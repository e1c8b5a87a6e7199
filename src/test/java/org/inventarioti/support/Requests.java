package org.inventarioti.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Request tweaks for MockMvc tests. */
public final class Requests {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    private Requests() {}

    /** A client address no other test uses, so per-address limits do not leak between tests. */
    public static RequestPostProcessor fromNewAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        String address = "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
        return from(address);
    }

    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
