package org.inventarioti.ops.deploy;

import java.time.Duration;
import java.util.List;

/** The systemd unit, driven through {@code systemctl} (a stand-in on PATH in tests). */
final class ServiceManager {

    private final String systemctl;
    private final String unit;

    ServiceManager(String systemctl, String unit) {
        this.systemctl = systemctl;
        this.unit = unit;
    }

    String describir(String verb) {
        return systemctl + " " + verb + " " + unit;
    }

    void ejecutar(String verb) {
        ExternalCommand.Salida salida = ExternalCommand.ejecutar(List.of(systemctl, verb, unit), Duration.ofMinutes(2));
        if (!salida.ok()) {
            throw new IllegalStateException(
                    describir(verb) + " failed (exit " + salida.exit() + "): " + salida.cola(5));
        }
    }
}
