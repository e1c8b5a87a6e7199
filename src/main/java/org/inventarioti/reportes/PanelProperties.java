package org.inventarioti.reportes;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code inventario.panel.cache}: how long an instance reuses the dashboard's figures (totals,
 * counts by estado/categoría/área, maintenance and warranty lists) before reading them again;
 * 0 reads them on every request. Recent changes are always read live.
 */
@ConfigurationProperties("inventario.panel")
record PanelProperties(@DefaultValue("15s") Duration cache) {}
