package org.inventarioti.ops.smoke;

import java.net.URI;
import java.time.Duration;

/**
 * @param token a bearer token, or null to log in with {@code email}/{@code password}
 * @param write also create, read, update and delete a marked test asset
 */
public record SmokeOptions(URI url, String token, String email, String password, boolean write, Duration timeout) {

    public boolean hasCredentials() {
        return token != null || (email != null && password != null);
    }

    @Override
    public String toString() {
        return "SmokeOptions[url=" + url + ", email=" + email + ", write=" + write + ", timeout=" + timeout + "]";
    }
}
