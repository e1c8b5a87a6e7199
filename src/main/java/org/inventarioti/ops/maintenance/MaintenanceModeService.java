package org.inventarioti.ops.maintenance;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.inventarioti.ops.avisos.AvisoOps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Maintenance mode, stored in {@code ops_modo_mantenimiento} so every instance sees it. A flag
 * that is not renewed before {@code expira_en} is off: a holder that dies cannot leave the system
 * frozen. Banners and health read it at most once per {@code inventario.mantenimiento.cache}; a
 * request that would change data reads it afresh ({@link #stateForWrite()}).
 */
@Service
public class MaintenanceModeService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceModeService.class);

    /** The flag's columns, named as {@link MaintenanceState}'s components. */
    private static final String COLUMNS = "true AS active, mensaje AS message, titular AS holder,"
            + " activo_desde AS active_since, expira_en AS expires_at";

    private final JdbcClient jdbc;
    private final MaintenanceProperties properties;
    private final java.util.Set<MaintenanceHolder> holders = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile Read cache = new Read(MaintenanceState.OFF, 0, false);

    private record Read(MaintenanceState state, long atNanos, boolean valid) {}

    private final ApplicationEventPublisher eventos;

    MaintenanceModeService(JdbcClient jdbc, MaintenanceProperties properties) {
        this(jdbc, properties, null);
    }

    @Autowired
    MaintenanceModeService(JdbcClient jdbc, MaintenanceProperties properties, ApplicationEventPublisher eventos) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.eventos = eventos;
    }

    /**
     * Tells the administrators (e-mail) and the webhooks that a window started or ended: once per
     * window (the clave is its start). Never stops the window: a schema still before the
     * notifications' migrations, or any other failure, is only logged.
     */
    private void avisar(String evento, MaintenanceState state) {
        if (eventos == null || state.activeSince() == null) {
            return;
        }
        try {
            java.util.Map<String, Object> datos = new java.util.LinkedHashMap<>();
            datos.put("desde", state.activeSince().toString());
            if (state.message() != null) {
                datos.put("mensaje", state.message());
            }
            eventos.publishEvent(new AvisoOps(
                    evento, datos, evento + ":" + state.activeSince().toInstant()));
        } catch (RuntimeException e) {
            log.warn("maintenance window notice {} not queued: {}", evento, e.getMessage());
        }
    }

    /** The flag as this instance last read it (at most {@code cache} old): for filters and banners. */
    public MaintenanceState state() {
        Read last = cache;
        long now = System.nanoTime();
        if (last.valid() && now - last.atNanos() < properties.cache().toNanos()) {
            return last.state();
        }
        try {
            MaintenanceState state = currentState();
            cache = new Read(state, now, true);
            return state;
        } catch (RuntimeException e) {
            log.debug("Maintenance flag unreadable, keeping the last value: {}", e.getMessage());
            return last.state();
        }
    }

    /**
     * For a request that would change data: the flag as the database has it now, so {@code
     * maintenance on} (from any process) refuses the very next write on every instance; the last
     * value read when the database cannot answer.
     */
    public MaintenanceState stateForWrite() {
        try {
            MaintenanceState state = currentState();
            cache = new Read(state, System.nanoTime(), true);
            return state;
        } catch (RuntimeException e) {
            log.debug("Maintenance flag unreadable, keeping the last value: {}", e.getMessage());
            return cache.state();
        }
    }

    /** The flag as the database has it now. */
    public MaintenanceState currentState() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ops_modo_mantenimiento WHERE expira_en > now()")
                .query(MaintenanceState.class)
                .optional()
                .orElse(MaintenanceState.OFF);
    }

    public OffsetDateTime now() {
        return jdbc.sql("SELECT now()").query(OffsetDateTime.class).single();
    }

    /**
     * Turns it on (or renews it) until {@code ttl} from now. A window still open keeps its start
     * time, which is what the contract gate compares backups with.
     */
    public MaintenanceState turnOn(String message, Duration ttl, String holder) {
        MaintenanceState state = jdbc.sql("""
                        INSERT INTO ops_modo_mantenimiento (id, activo_desde, mensaje, titular, expira_en)
                        VALUES (true, now(), :mensaje, :titular, now() + :ttl * interval '1 millisecond')
                        ON CONFLICT (id) DO UPDATE SET
                            activo_desde = CASE WHEN ops_modo_mantenimiento.expira_en > now()
                                                THEN ops_modo_mantenimiento.activo_desde ELSE now() END,
                            mensaje = EXCLUDED.mensaje, titular = EXCLUDED.titular, expira_en = EXCLUDED.expira_en
                        """ + "RETURNING " + COLUMNS)
                .param("mensaje", message)
                .param("titular", holder)
                .param("ttl", ttl.toMillis())
                .query(MaintenanceState.class)
                .single();
        cache = new Read(state, System.nanoTime(), true);
        avisar(AvisoOps.VENTANA_INICIADA, state);
        return state;
    }

    /** Extends a flag this holder still has; false when it expired or someone else took it over. */
    public boolean renew(String holder, Duration ttl) {
        return jdbc.sql("""
                        UPDATE ops_modo_mantenimiento SET expira_en = now() + :ttl * interval '1 millisecond'
                        WHERE titular = :titular AND expira_en > now()""")
                        .param("titular", holder)
                        .param("ttl", ttl.toMillis())
                        .update()
                == 1;
    }

    /** Turns it off; true when it was on. */
    public boolean turnOff() {
        cache = new Read(MaintenanceState.OFF, System.nanoTime(), true);
        java.util.Optional<MaintenanceState> was = jdbc.sql("DELETE FROM ops_modo_mantenimiento RETURNING"
                        + " expira_en > now() AS active, mensaje AS message, titular AS holder,"
                        + " activo_desde AS active_since, expira_en AS expires_at")
                .query(MaintenanceState.class)
                .optional();
        boolean on = was.map(MaintenanceState::active).orElse(false);
        if (on) {
            avisar(AvisoOps.VENTANA_TERMINADA, was.get());
        }
        return on;
    }

    /** Turns it on and keeps renewing it from this process until the returned holder is closed. */
    public MaintenanceHolder hold(String message, String who) {
        Duration ttl = properties.holderTtl();
        String holder = holderName(who, properties.expectedWindow());
        turnOn(message, ttl, holder);
        return keepRenewing(holder, ttl);
    }

    /** Keeps renewing a flag this process set; the holders still open when the application stops are closed. */
    public MaintenanceHolder keepRenewing(String holderName, Duration ttl) {
        MaintenanceHolder holder = new MaintenanceHolder(this, holderName, ttl);
        holders.add(holder);
        return holder;
    }

    @Override
    public void destroy() {
        holders.forEach(MaintenanceHolder::close);
    }

    public Duration defaultTtl() {
        return properties.ttl();
    }

    public Duration holderTtl() {
        return properties.holderTtl();
    }

    /** As {@link #holderName(String)}, with the window's expected end ({@code expected} from now), which {@code Retry-After} tells clients. */
    public static String holderName(String who, Duration expected) {
        return holderName(who)
                + MaintenanceState.EXPECTED_END
                + java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)
                        .plus(expected)
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    public Duration expectedWindow() {
        return properties.expectedWindow();
    }

    /** Who holds the flag, as shown by {@code maintenance status}: what, where, which process. */
    public static String holderName(String who) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        return who + " " + System.getProperty("user.name", "?") + "@" + host + " pid "
                + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
