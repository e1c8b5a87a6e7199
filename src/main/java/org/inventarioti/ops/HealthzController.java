package org.inventarioti.ops;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.inventarioti.config.InventarioProperties;
import org.inventarioti.ops.maintenance.MaintenanceModeService;
import org.inventarioti.ops.maintenance.MaintenanceState;
import org.inventarioti.ops.release.AppVersion;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /healthz}, unauthenticated, as the ops runbook curls it. 503 when the database is down;
 * says whether maintenance mode is on, as the database has it now (not this instance's cached copy:
 * an operator who just switched it off reads "off" at once).
 */
@RestController
class HealthzController {

    private final DataSource dataSource;
    private final String env;
    private final MaintenanceModeService maintenance;

    HealthzController(DataSource dataSource, InventarioProperties properties, MaintenanceModeService maintenance) {
        this.dataSource = dataSource;
        this.env = properties.env();
        this.maintenance = maintenance;
    }

    @GetMapping(path = "/healthz", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> healthz() {
        boolean database = databaseAnswers();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", database ? "ok" : "error");
        body.put(
                "uptime",
                Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime())
                        .toSeconds());
        body.put("version", AppVersion.get());
        body.put("env", env);
        body.put("database", database ? "up" : "down");
        MaintenanceState state = database ? maintenance() : MaintenanceState.unknown();
        body.put("maintenance", state.active() ? "on" : "off");
        if (state.active()) {
            body.put("maintenance_message", state.visibleMessage());
        }
        return ResponseEntity.status(database ? 200 : 503).body(body);
    }

    private MaintenanceState maintenance() {
        try {
            return maintenance.currentState();
        } catch (RuntimeException e) {
            return maintenance.state();
        }
    }

    private boolean databaseAnswers() {
        try (var connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }
}
