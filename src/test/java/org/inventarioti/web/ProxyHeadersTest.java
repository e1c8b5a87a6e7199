package org.inventarioti.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Over real HTTP (Tomcat's valves run): a peer that is not a configured proxy cannot choose its
 * address with X-Forwarded-For — the audit trail and the rate limit see the TCP peer.
 */
@InventarioTest
class ProxyHeadersTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void forwardedHeadersFromAnUnconfiguredPeerAreIgnored() throws Exception {
        String email = Api.unique("proxy") + "@test.local";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", "203.0.113.77")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\": \"" + email + "\", \"password\": \"whatever-pass\"}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        String address = jdbc.sql("SELECT direccion_cliente FROM auditoria WHERE accion = 'login_fallido'"
                        + " AND actor_email = ?")
                .param(email)
                .query(String.class)
                .single();
        assertThat(address).isEqualTo("127.0.0.1").isNotEqualTo("203.0.113.77");
    }
}
