package org.inventarioti.ops.maintenance;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Maintenance mode, stored in {@code ops_modo_mantenimiento} so every instance sees it. A flag
 * that is not renewed before {@code expira_en} is off: a holder that dies cannot leave the system
 * frozen. Instances read it at most once per {@code inventario.mantenimiento.cache}.
 */
@Service
public class MaintenanceModeService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceModeService.class);

    private final JdbcClient jdbc;
    private final MaintenanceProperties properties;
    private final java.util.Set<MaintenanceHolder> titulares = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile Leido cache = new Leido(MaintenanceState.INACTIVO, 0, false);

    private record Leido(MaintenanceState estado, long leidoEnNanos, boolean valido) {}

    MaintenanceModeService(JdbcClient jdbc, MaintenanceProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The flag as this instance last read it (at most {@code cache} old): for filters and banners. */
    public MaintenanceState estado() {
        Leido leido = cache;
        long now = System.nanoTime();
        if (leido.valido() && now - leido.leidoEnNanos() < properties.cache().toNanos()) {
            return leido.estado();
        }
        try {
            MaintenanceState estado = estadoActual();
            cache = new Leido(estado, now, true);
            return estado;
        } catch (RuntimeException e) {
            log.debug("Maintenance flag unreadable, keeping the last value: {}", e.getMessage());
            return leido.estado();
        }
    }

    /** The flag as the database has it now. */
    public MaintenanceState estadoActual() {
        return jdbc.sql("""
                        SELECT true AS activo, mensaje, titular, activo_desde, expira_en
                        FROM ops_modo_mantenimiento WHERE expira_en > now()""").query(MaintenanceState.class).optional().orElse(MaintenanceState.INACTIVO);
    }

    public OffsetDateTime ahora() {
        return jdbc.sql("SELECT now()").query(OffsetDateTime.class).single();
    }

    /**
     * Turns it on (or renews it) until {@code ttl} from now. A window still open keeps its start
     * time, which is what the contract gate compares backups with.
     */
    public MaintenanceState activar(String mensaje, Duration ttl, String titular) {
        MaintenanceState estado = jdbc.sql("""
                        INSERT INTO ops_modo_mantenimiento (id, activo_desde, mensaje, titular, expira_en)
                        VALUES (true, now(), :mensaje, :titular, now() + :ttl * interval '1 millisecond')
                        ON CONFLICT (id) DO UPDATE SET
                            activo_desde = CASE WHEN ops_modo_mantenimiento.expira_en > now()
                                                THEN ops_modo_mantenimiento.activo_desde ELSE now() END,
                            mensaje = EXCLUDED.mensaje, titular = EXCLUDED.titular, expira_en = EXCLUDED.expira_en
                        RETURNING true AS activo, mensaje, titular, activo_desde, expira_en""")
                .param("mensaje", mensaje)
                .param("titular", titular)
                .param("ttl", ttl.toMillis())
                .query(MaintenanceState.class)
                .single();
        cache = new Leido(estado, System.nanoTime(), true);
        return estado;
    }

    /** Extends a flag this holder still has; false when it expired or someone else took it over. */
    public boolean renovar(String titular, Duration ttl) {
        return jdbc.sql("""
                        UPDATE ops_modo_mantenimiento SET expira_en = now() + :ttl * interval '1 millisecond'
                        WHERE titular = :titular AND expira_en > now()""")
                        .param("titular", titular)
                        .param("ttl", ttl.toMillis())
                        .update()
                == 1;
    }

    /** Turns it off; true when it was on. */
    public boolean desactivar() {
        cache = new Leido(MaintenanceState.INACTIVO, System.nanoTime(), true);
        return jdbc.sql("DELETE FROM ops_modo_mantenimiento RETURNING expira_en > now()")
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Turns it on and keeps renewing it from this process until the returned holder is closed. */
    public MaintenanceHolder mantener(String mensaje, String quien) {
        Duration ttl = properties.ttlTitular();
        String titular = titular(quien);
        activar(mensaje, ttl, titular);
        return sostener(titular, ttl);
    }

    /** Keeps renewing a flag this process set; the holders still open when the application stops are closed. */
    public MaintenanceHolder sostener(String titular, Duration ttl) {
        MaintenanceHolder holder = new MaintenanceHolder(this, titular, ttl);
        titulares.add(holder);
        return holder;
    }

    @Override
    public void destroy() {
        titulares.forEach(MaintenanceHolder::close);
    }

    public Duration ttlPorDefecto() {
        return properties.ttl();
    }

    public Duration ttlTitular() {
        return properties.ttlTitular();
    }

    /** Who holds the flag, as shown by {@code maintenance status}: what, where, which process. */
    public static String titular(String quien) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        return quien + " " + System.getProperty("user.name", "?") + "@" + host + " pid "
                + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
