package org.inventarioti.ops.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.inventarioti.ops.smoke.SmokeOptions;
import org.inventarioti.ops.smoke.SmokeReport;
import org.inventarioti.ops.smoke.SmokeService;
import org.inventarioti.support.InventarioTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The maintenance run smoke-tests the new release while writes are paused: readiness MAINTENANCE passes. */
@InventarioTest
class SmokeDuringMaintenanceTest {

    @LocalServerPort
    int port;

    @Autowired
    MaintenanceModeService service;

    @AfterEach
    void off() {
        service.turnOff();
    }

    @Test
    void readOnlySmokePassesWhileMaintenanceModeIsOn() {
        service.turnOn("smoke test window", Duration.ofMinutes(2), "test");
        SmokeReport report = SmokeService.run(new SmokeOptions(
                URI.create("http://127.0.0.1:" + port), null, null, null, false, Duration.ofSeconds(10)));
        assertThat(report.ok()).as(report.failed().toString()).isTrue();
        assertThat(report.checks())
                .filteredOn(c -> c.name().equals("readiness"))
                .singleElement()
                .satisfies(c -> assertThat(c.detail()).isEqualTo("MAINTENANCE"));
    }
}
