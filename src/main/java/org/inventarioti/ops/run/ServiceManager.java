package org.inventarioti.ops.run;

import java.time.Duration;
import java.util.List;

/**
 * The systemd unit, driven through {@code systemctl}, or through another command with the same
 * verbs ({@code --service-command}, {@code INVENTARIO_SYSTEMCTL}; a stand-in on PATH in tests).
 */
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

    /** Preflight: the command runs and the unit is loaded ({@code systemctl show UNIT -p LoadState --value}). */
    public String checkInstalled() {
        ExternalCommand.Result result;
        try {
            result = ExternalCommand.run(
                    List.of(systemctl, "show", unit, "--property=LoadState", "--value"), Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            throw new IllegalStateException(notFound(e.getMessage()), e);
        }
        String state = result.tail(1).trim();
        if (!result.ok() || !state.equals("loaded")) {
            throw new IllegalStateException(
                    notFound(systemctl + " show " + unit + ": exit " + result.exit() + ", " + state));
        }
        return systemctl + ": unit " + unit + " loaded";
    }

    private String notFound(String detail) {
        return "no service manager for unit " + unit + " (" + detail + "): install deploy/inventario.service,"
                + " or name the command that starts and stops this host's service with --service-command CMD"
                + " (or INVENTARIO_SYSTEMCTL); it is called as CMD start|stop|restart|is-active|show " + unit;
    }

    /** True when the unit is known to have stopped running (failed or inactive): no use waiting for it. */
    public boolean exited() {
        try {
            ExternalCommand.Result result =
                    ExternalCommand.run(List.of(systemctl, "is-active", unit), Duration.ofSeconds(10));
            String state = result.tail(1).trim();
            return state.equals("failed") || state.equals("inactive");
        } catch (RuntimeException e) {
            return false;
        }
    }

    public void run(String verb) {
        ExternalCommand.Result result = ExternalCommand.run(List.of(systemctl, verb, unit), Duration.ofMinutes(2));
        if (!result.ok()) {
            throw new IllegalStateException(describe(verb) + " failed (exit " + result.exit() + "): " + result.tail(5));
        }
    }
}
