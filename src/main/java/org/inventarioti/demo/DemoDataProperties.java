package org.inventarioti.demo;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code inventario.demo-data.first-run} ({@code INVENTARIO_DEMO_DATA}): how many demo assets to add
 * when the server starts for the first time on its embedded database (0, the default: none).
 */
@Validated
@ConfigurationProperties("inventario.demo-data")
record DemoDataProperties(
        @Min(0) @Max(1_000_000) @DefaultValue("0") int firstRun) {}
