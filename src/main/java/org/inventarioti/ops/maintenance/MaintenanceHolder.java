package org.inventarioti.ops.maintenance;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A maintenance flag held by this process: renewed every third of its time-to-live while the
 * process lives. Closing turns it off, unless {@link #dejarActivo} handed it over first.
 */
public final class MaintenanceHolder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceHolder.class);

    private final MaintenanceModeService service;
    private final String titular;
    private final ScheduledExecutorService heartbeat;
    private volatile boolean vigente = true;
    private volatile boolean soltar = true;

    MaintenanceHolder(MaintenanceModeService service, String titular, Duration ttl) {
        this.service = service;
        this.titular = titular;
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
            if (!service.renovar(titular, ttl)) {
                vigente = false;
                log.warn("The maintenance flag is no longer held by {}: it expired or was turned off", titular);
                heartbeat.shutdown();
            }
        } catch (RuntimeException e) {
            log.warn("Could not renew the maintenance flag: {}", e.getMessage());
        }
    }

    public String nombre() {
        return titular;
    }

    /** False once a renewal found the flag gone (expired or turned off by someone else). */
    public boolean vigente() {
        return vigente && service.estadoActual().activo();
    }

    /** Stops renewing and leaves the flag on with {@code mensaje} for {@code ttl}: for a failed rollback. */
    public void dejarActivo(String mensaje, Duration ttl) {
        heartbeat.shutdownNow();
        soltar = false;
        service.activar(mensaje, ttl, titular);
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        if (soltar) {
            service.desactivar();
        }
    }
}
