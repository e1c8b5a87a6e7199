package org.inventarioti.notificaciones;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Webhooks: the event's JSON POSTed to the subscription's URL, signed with HMAC-SHA256 of the body
 * under the subscription's secret in {@code X-Inventario-Firma: sha256=<hex>} (rows queued before
 * V39 go to the URL they name, signed with {@code inventario.webhooks.secreto}). Refuses URLs that are not http(s)
 * and — unless {@code inventario.webhooks.permitir-privadas} — any that resolve to a loopback,
 * private, link-local or otherwise internal address (checked at every delivery, against DNS
 * rebinding); redirects are never followed.
 */
@Component
class WebhookCanal implements Canal {

    static final String FIRMA = "X-Inventario-Firma";
    static final String EVENTO = "X-Inventario-Evento";

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final WebhookRepository webhooks;
    private final String secretoPropiedades;
    private final boolean permitirPrivadas;

    WebhookCanal(
            WebhookRepository webhooks,
            @Value("${inventario.webhooks.secreto:}") String secretoPropiedades,
            @Value("${inventario.webhooks.permitir-privadas:false}") boolean permitirPrivadas) {
        this.webhooks = webhooks;
        this.secretoPropiedades = secretoPropiedades;
        this.permitirPrivadas = permitirPrivadas;
    }

    @Override
    public String nombre() {
        return Notificacion.WEBHOOK;
    }

    @Override
    public void enviar(Notificacion n) throws Exception {
        String url = n.destino();
        String secreto = secretoPropiedades;
        if (n.webhookId() != null) {
            Webhook.Destino destino = webhooks.destino(n.webhookId())
                    .orElseThrow(() -> new IllegalStateException("webhook " + n.webhookId() + " was deleted"));
            url = destino.url();
            secreto = destino.secreto();
        }
        URI uri = comprobar(url, permitirPrivadas);
        byte[] body = n.cuerpo().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(EVENTO, n.evento())
                .header("X-Inventario-Entrega", n.clave())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!secreto.isEmpty()) {
            request.header(FIRMA, "sha256=" + firma(secreto, body));
        }
        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("webhook answered HTTP " + response.statusCode());
        }
    }

    static String firma(String secreto, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secreto.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    /** The URL when it is http(s) with a host that is allowed; otherwise an IllegalArgumentException. */
    static URI comprobar(String url, boolean permitirPrivadas) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhook URL is not a URL: " + e.getMessage());
        }
        if (uri.getScheme() == null
                || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("webhook URL must be http or https");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            throw new IllegalArgumentException("webhook URL needs a host and no user info");
        }
        if (!permitirPrivadas) {
            try {
                for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                    if (interna(address)) {
                        throw new IllegalArgumentException(
                                "webhook host " + uri.getHost()
                                        + " is a loopback/private address (set inventario.webhooks.permitir-privadas to allow)");
                    }
                }
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("webhook host " + uri.getHost() + " does not resolve");
            }
        }
        return uri;
    }

    private static boolean interna(InetAddress a) {
        if (a.isLoopbackAddress()
                || a.isSiteLocalAddress()
                || a.isLinkLocalAddress()
                || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 169 && second == 254);
        }
        return (b[0] & 0xfe) == 0xfc; // IPv6 unique local fc00::/7
    }
}
