package org.inventarioti.ops.offsite;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

/**
 * An HTTP proxy in front of the S3 server that passes HEAD through and answers a GET with the
 * object's full Content-Length but only half its bytes, then drops the connection: a download cut
 * off on the way.
 */
final class TruncatingProxy implements AutoCloseable {

    private static final Set<String> HOP = Set.of("host", "connection", "content-length", "expect", "upgrade");

    private final HttpServer server;

    TruncatingProxy(URI target) throws IOException {
        HttpClient client = HttpClient.newHttpClient();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(
                                target.resolve(exchange.getRequestURI().toString()))
                        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.noBody());
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (!HOP.contains(name.toLowerCase())) {
                        values.forEach(v -> request.header(name, v));
                    }
                });
                HttpResponse<InputStream> response =
                        client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                long length =
                        response.headers().firstValueAsLong("content-length").orElse(0);
                response.headers().map().forEach((name, values) -> {
                    if (!HOP.contains(name.toLowerCase()) && !name.equalsIgnoreCase("transfer-encoding")) {
                        exchange.getResponseHeaders().put(name, values);
                    }
                });
                if (exchange.getRequestMethod().equals("HEAD")) {
                    exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
                    exchange.sendResponseHeaders(response.statusCode(), -1);
                    exchange.close();
                    return;
                }
                byte[] body;
                try (InputStream in = response.body()) {
                    body = in.readAllBytes();
                }
                exchange.sendResponseHeaders(response.statusCode(), body.length);
                OutputStream out = exchange.getResponseBody();
                out.write(body, 0, response.statusCode() == 200 ? body.length / 2 : body.length);
                out.flush();
                exchange.close(); // fewer bytes than announced: the connection is dropped
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.close();
            } catch (IOException e) {
                exchange.close();
            }
        });
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
