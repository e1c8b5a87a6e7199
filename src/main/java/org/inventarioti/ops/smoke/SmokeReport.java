package org.inventarioti.ops.smoke;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The outcome of each smoke check, as readable lines or as JSON. */
public final class SmokeReport {

    public enum Status {
        OK,
        FAILED,
        SKIPPED
    }

    public record Check(String name, Status status, long millis, String detail) {}

    private final String url;
    private final List<Check> checks = new ArrayList<>();

    SmokeReport(String url) {
        this.url = url;
    }

    void add(Check check) {
        checks.add(check);
    }

    public List<Check> checks() {
        return List.copyOf(checks);
    }

    public boolean ok() {
        return checks.stream().noneMatch(c -> c.status() == Status.FAILED);
    }

    public List<String> failed() {
        return checks.stream()
                .filter(c -> c.status() == Status.FAILED)
                .map(Check::name)
                .toList();
    }

    public void printText(PrintWriter out) {
        for (Check check : checks) {
            out.printf("%-8s %-22s %6d ms  %s%n", check.status(), check.name(), check.millis(), check.detail());
        }
        long skipped = checks.stream().filter(c -> c.status() == Status.SKIPPED).count();
        out.println(
                ok()
                        ? "smoke: OK against " + url + " (" + (checks.size() - skipped) + " checks passed, " + skipped
                                + " skipped)"
                        : "smoke: FAILED against " + url + ": " + String.join(", ", failed()));
        out.flush();
    }

    public void printJson(PrintWriter out) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", url);
        json.put("ok", ok());
        json.put("failed", failed());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Check check : checks) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", check.name());
            item.put("status", check.status().name().toLowerCase(java.util.Locale.ROOT));
            item.put("millis", check.millis());
            item.put("detail", check.detail());
            list.add(item);
        }
        json.put("checks", list);
        out.println(JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build()
                .writeValueAsString(json));
        out.flush();
    }
}
