package org.inventarioti.ops.run;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.inventarioti.ops.release.Release;

/** Readiness of a started release (the right version answering) and its smoke test. */
public final class Probes {

    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]*)\"");

    private final String url;
    private final String smokeUser;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Probes(String url, String smokeUser) {
        this.url = url.replaceAll("/+$", "");
        this.smokeUser = smokeUser;
    }

    public String url() {
        return url;
    }

    /**
     * Waits until readiness answers 200 and {@code /healthz} reports {@code version}; gives up at
     * once when {@code exited} says the process is gone (checked every 2 s).
     */
    public String awaitReady(String version, Duration timeout, java.util.function.BooleanSupplier exited) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        long nextExitCheck = started + 1_500_000_000L;
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (System.nanoTime() > nextExitCheck) {
                nextExitCheck = System.nanoTime() + 2_000_000_000L;
                if (exited.getAsBoolean()) {
                    throw new IllegalStateException("version " + version + " exited "
                            + (System.nanoTime() - started) / 1_000_000_000L + " s after its start, before it was"
                            + " ready (" + last + "): see its log (journalctl -u inventario)");
                }
            }
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
    public boolean answersWithoutMaintenance() {
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

    public List<String> smokeArgs() {
        List<String> args = new ArrayList<>(List.of("smoke", "--url", url));
        if (smokeUser != null && !smokeUser.isBlank()) {
            args.addAll(List.of("--user", smokeUser, "--password-env", DeployProperties.SMOKE_PASSWORD_ENV));
        }
        return args;
    }

    /** Runs the release's own {@code inventario smoke} (read-only: writes answer 503 in maintenance). */
    public String smoke(Release release) {
        ExternalCommand.Result result = ExternalCommand.run(
                ExternalCommand.cli(release.jar(), smokeArgs().toArray(String[]::new)), Duration.ofMinutes(3));
        if (!result.ok()) {
            throw new IllegalStateException("smoke of " + release.version() + " failed: " + result.tail(12));
        }
        return result.tail(1);
    }
}
