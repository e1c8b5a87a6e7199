package org.inventarioti.ops.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Readiness of a started release (the right version answering) and its smoke test. */
final class Probes {

    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]*)\"");

    private final String url;
    private final String smokeUsuario;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Probes(String url, String smokeUsuario) {
        this.url = url.replaceAll("/+$", "");
        this.smokeUsuario = smokeUsuario;
    }

    String url() {
        return url;
    }

    /** Waits until readiness answers 200 and {@code /healthz} reports {@code version}. */
    String esperarListo(String version, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> readiness = get("/actuator/health/readiness");
                HttpResponse<String> healthz = get("/healthz");
                Matcher matcher = VERSION.matcher(healthz.body());
                String answering = matcher.find() ? matcher.group(1) : "?";
                if (readiness.statusCode() == 200 && version.equals(answering)) {
                    return "version " + answering + " ready: " + readiness.body();
                }
                last = "readiness " + readiness.statusCode() + ", version answering " + answering;
            } catch (Exception e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException(
                "version " + version + " not ready at " + url + " within " + timeout.toSeconds() + " s (" + last + ")");
    }

    /**
     * True when a server answers {@code /healthz} without reporting maintenance mode on: it does not
     * honour the flag, so only stopping it freezes writes.
     */
    boolean respondeSinMantenimiento() {
        try {
            HttpResponse<String> healthz = get("/healthz");
            return healthz.statusCode() < 500
                    && !healthz.body().replace(" ", "").contains("\"maintenance\":\"on\"");
        } catch (Exception e) {
            return false;
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url + path))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    List<String> smokeArgs() {
        List<String> args = new ArrayList<>(List.of("smoke", "--url", url));
        if (smokeUsuario != null && !smokeUsuario.isBlank()) {
            args.addAll(List.of("--user", smokeUsuario, "--password-env", DeployProperties.SMOKE_PASSWORD_ENV));
        }
        return args;
    }

    /** Runs the release's own {@code inventario smoke} (read-only: writes answer 503 in maintenance). */
    String smoke(Release release) {
        ExternalCommand.Salida salida = ExternalCommand.ejecutar(
                ExternalCommand.cli(release.jar(), smokeArgs().toArray(String[]::new)), Duration.ofMinutes(3));
        if (!salida.ok()) {
            throw new IllegalStateException("smoke of " + release.version() + " failed: " + salida.cola(12));
        }
        return salida.cola(1);
    }
}
