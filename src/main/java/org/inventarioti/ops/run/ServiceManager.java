package org.inventarioti.ops.run;

import java.time.Duration;
import java.util.List;

/** The systemd unit, driven through {@code systemctl} (a stand-in on PATH in tests). */
public final class ServiceManager {

    private final String systemctl;
    private final String unit;

    ServiceManager(String systemctl, String unit) {
        this.systemctl = systemctl;
        this.unit = unit;
    }

    public String describe(String verb) {
        return systemctl + " " + verb + " " + unit;
    }

    public void run(String verb) {
        ExternalCommand.Result result = ExternalCommand.run(List.of(systemctl, verb, unit), Duration.ofMinutes(2));
        if (!result.ok()) {
            throw new IllegalStateException(describe(verb) + " failed (exit " + result.exit() + "): " + result.tail(5));
        }
    }
}
