package org.inventarioti.ops.maintenance;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A maintenance flag held by this process: renewed every third of its time-to-live while the
 * process lives. Closing turns it off, unless {@link #leaveOn} handed it over first.
 */
public final class MaintenanceHolder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceHolder.class);

    private final MaintenanceModeService service;
    private final String name;
    private final ScheduledExecutorService heartbeat;
    private volatile boolean held = true;
    private volatile boolean release = true;

    MaintenanceHolder(MaintenanceModeService service, String name, Duration ttl) {
        this.service = service;
        this.name = name;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "maintenance-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(100, ttl.toMillis() / 3);
        heartbeat.scheduleAtFixedRate(() -> renew(ttl), period, period, TimeUnit.MILLISECONDS);
    }

    private void renew(Duration ttl) {
        try {
            if (!service.renew(name, ttl)) {
                held = false;
                log.warn("The maintenance flag is no longer held by {}: it expired or was turned off", name);
                heartbeat.shutdown();
            }
        } catch (RuntimeException e) {
            log.warn("Could not renew the maintenance flag: {}", e.getMessage());
        }
    }

    public String name() {
        return name;
    }

    /** False once a renewal found the flag gone (expired or turned off by someone else). */
    public boolean held() {
        return held && service.currentState().active();
    }

    /** Stops renewing and leaves the flag on with {@code message} for {@code ttl}: for a failed rollback. */
    public void leaveOn(String message, Duration ttl) {
        heartbeat.shutdownNow();
        release = false;
        service.turnOn(message, ttl, name);
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        if (release) {
            service.turnOff();
        }
    }
}
