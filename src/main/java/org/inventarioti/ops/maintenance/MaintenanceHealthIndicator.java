package org.inventarioti.ops.maintenance;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Readiness reports maintenance mode as its own status, MAINTENANCE, which answers 200: the
 * instance keeps serving reads, so load balancers must not take it out.
 */
@Component("mantenimiento")
class MaintenanceHealthIndicator implements HealthIndicator {

    static final Status MAINTENANCE = new Status("MAINTENANCE", "writes are paused for maintenance");

    private final MaintenanceModeService service;

    MaintenanceHealthIndicator(MaintenanceModeService service) {
        this.service = service;
    }

    @Override
    public Health health() {
        MaintenanceState state = service.state();
        return state.active()
                ? Health.status(MAINTENANCE)
                        .withDetail("message", state.visibleMessage())
                        .build()
                : Health.up().build();
    }
}
