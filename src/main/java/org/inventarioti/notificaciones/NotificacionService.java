package org.inventarioti.notificaciones;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.inventarioti.auditoria.AuditoriaService;
import org.inventarioti.errors.ConflictException;
import org.inventarioti.errors.NotFoundException;
import org.inventarioti.usuarios.UsuarioView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notifications outbox. Features call {@code encolar*} inside the transaction of the event,
 * so a notification exists exactly when its event committed; the {@code entregar-notificaciones}
 * job delivers them at least once, retrying with exponential back-off ({@code
 * inventario.notificaciones.primera-espera}, 1 min, doubling, at most 6 h)
 * until {@code inventario.notificaciones.intentos} attempts, then marks them {@code fallida}. The
 * clave makes enqueueing idempotent, and a notification sent is never sent again. A webhook
 * subscription failing {@code inventario.webhooks.fallos-para-desactivar} deliveries in a row is
 * disabled, and the administrators are told.
 */
@Service
public class NotificacionService {

    /**
     * Ops events ({@link #avisarOps}): a backup failed; a restore test's result; a maintenance
     * window. Ops code publishes an {@link org.inventarioti.ops.avisos.AvisoOps} instead of calling this.
     */
    public static final String BACKUP_FALLIDO = org.inventarioti.ops.avisos.AvisoOps.BACKUP_FALLIDO;

    public static final String RESTORE_PRUEBA = org.inventarioti.ops.avisos.AvisoOps.RESTORE_PRUEBA;
    public static final String BACKUP_ANTIGUO = org.inventarioti.ops.avisos.AvisoOps.BACKUP_ANTIGUO;
    public static final String VENTANA_INICIADA = org.inventarioti.ops.avisos.AvisoOps.VENTANA_INICIADA;
    public static final String VENTANA_TERMINADA = org.inventarioti.ops.avisos.AvisoOps.VENTANA_TERMINADA;

    private static final Logger log = LoggerFactory.getLogger(NotificacionService.class);
    private static final Duration ESPERA_MAXIMA = Duration.ofHours(6);
    private static final int LOTE = 100;

    private final NotificacionRepository repository;
    private final WebhookRepository webhooks;
    private final TextosNotificacion textos;
    private final Map<String, Canal> canales;
    private final JsonMapper json;
    private final AuditoriaService auditoria;
    private final Clock clock;
    private final int intentos;
    private final int fallosParaDesactivar;
    private final Duration primeraEspera;
    private final TransactionTemplate transaccion;

    NotificacionService(
            NotificacionRepository repository,
            WebhookRepository webhooks,
            TextosNotificacion textos,
            List<Canal> canales,
            JsonMapper json,
            AuditoriaService auditoria,
            Clock clock,
            @Value("${inventario.notificaciones.intentos:10}") int intentos,
            @Value("${inventario.webhooks.fallos-para-desactivar:5}") int fallosParaDesactivar,
            @Value("${inventario.notificaciones.primera-espera:1m}") Duration primeraEspera,
            TransactionTemplate transaccion) {
        this.repository = repository;
        this.webhooks = webhooks;
        this.textos = textos;
        this.canales = canales.stream().collect(Collectors.toMap(Canal::nombre, Function.identity()));
        this.json = json;
        this.auditoria = auditoria;
        this.clock = clock;
        this.intentos = intentos;
        this.fallosParaDesactivar = fallosParaDesactivar;
        this.primeraEspera = primeraEspera;
        this.transaccion = transaccion;
    }

    /**
     * Queues an e-mail in the caller's transaction; false when one with this clave exists already,
     * or when the evento is a kind its recipient (a user with that address) unsubscribed from.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean encolarEmail(String destino, String evento, String asunto, String cuerpo, String clave) {
        if (PreferenciasRepository.TIPOS.contains(evento)
                && textos.porEmail(destino)
                        .map(u -> !textos.preferencias(u.id()).recibe(evento))
                        .orElse(false)) {
            return false;
        }
        return repository.encolar(Notificacion.EMAIL, destino, evento, asunto, cuerpo, "email:" + clave, null);
    }

    /**
     * Queues an e-mail to a user in their language: subject and body are the messages {@code
     * notificacion.<evento>.asunto} and {@code .cuerpo} with {@code args}. In the caller's
     * transaction; false when the user is unknown or disabled, unsubscribed, or it was queued before.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean encolarEmailA(long usuarioId, String evento, String clave, Object... args) {
        UsuarioView usuario = textos.usuarios().stream()
                .filter(u -> u.id() == usuarioId)
                .findFirst()
                .orElse(null);
        if (usuario == null) {
            return false;
        }
        Locale idioma = textos.idioma(usuarioId);
        return encolarEmail(
                usuario.email(),
                evento,
                textos.texto(idioma, "notificacion." + evento + ".asunto", args),
                textos.texto(idioma, "notificacion." + evento + ".cuerpo", args),
                clave);
    }

    /**
     * Queues an event for every active webhook subscribed to it ({@code /api/webhooks}), in the
     * payload format of each; false when none is subscribed or it was queued before.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean encolarEvento(String evento, Map<String, ?> datos, String clave) {
        boolean alguna = false;
        for (Webhook w : webhooks.activos()) {
            if (w.recibe(evento)) {
                String body = Formatos.cuerpo(json, w.formato(), evento, clave, datos);
                alguna |= repository.encolar(
                        Notificacion.WEBHOOK, w.url(), evento, null, body, "webhook:" + w.id() + ":" + clave, w.id());
            }
        }
        return alguna;
    }

    /**
     * An ops event (backup failed, restore test result, maintenance window started or ended): an
     * e-mail to every enabled administrator in their language, and the event to the webhooks. In
     * the caller's transaction, or its own when there is none; the clave deduplicates (one per
     * event, e.g. {@code backup-fallido:<archive name>}). False when it was queued before.
     */
    @Transactional
    public boolean avisarOps(String evento, Map<String, ?> datos, String clave) {
        boolean alguna = false;
        for (UsuarioView admin : textos.administradores()) {
            Locale idioma = textos.idioma(admin.id());
            String asunto = textos.texto(idioma, "notificacion." + evento + ".asunto");
            StringBuilder cuerpo = new StringBuilder(textos.texto(idioma, "notificacion." + evento + ".cuerpo"));
            cuerpo.append("\n");
            new TreeMap<String, Object>(datos)
                    .forEach(
                            (k, v) -> cuerpo.append("\n").append(k).append(": ").append(v));
            alguna |= encolarEmail(admin.email(), evento, asunto, cuerpo.toString(), clave + ":" + admin.id());
        }
        alguna |= encolarEvento(evento, datos, clave);
        return alguna;
    }

    /**
     * Delivers the due notifications (at most a batch of 100); returns how many were sent. Each is
     * claimed, sent and marked in its own transaction, so a crash mid-batch leaves every one sent
     * before it marked {@code enviada}: only the one in flight can be sent again after a restart.
     */
    public int entregar() {
        int enviadas = 0;
        for (int i = 0; i < LOTE; i++) {
            Boolean enviada = transaccion.execute(s -> repository.pendientes(OffsetDateTime.now(clock), 1).stream()
                    .findFirst()
                    .map(this::entregarUna)
                    .orElse(null));
            if (enviada == null) {
                break;
            }
            if (enviada) {
                enviadas++;
            }
        }
        return enviadas;
    }

    /**
     * "Retry now" for a notification that gave up ({@code fallida}): back in the queue and one
     * delivery attempt at once — sent, failed again with its new error, or (a disabled webhook's)
     * waiting until the subscription is enabled. Anything but a failed one is refused. Audited.
     */
    @Transactional
    public Notificacion reintentar(long id) {
        Notificacion n = repository.buscar(id).orElseThrow(() -> new NotFoundException("notificacion", id));
        if (!repository.reabrir(id, OffsetDateTime.now(clock))) {
            throw new ConflictException("only a failed notification can be retried; this one is " + n.estado());
        }
        auditoria.evento(
                "reintentar", "notificacion", id, AuditoriaService.currentActor(), Map.of("intentos", n.intentos()));
        repository.entregable(id).ifPresent(this::entregarUna);
        return repository.buscar(id).orElseThrow();
    }

    private boolean entregarUna(Notificacion n) {
        Canal canal = canales.get(n.canal());
        try {
            canal.enviar(n);
            repository.enviada(n.id(), OffsetDateTime.now(clock));
            if (n.webhookId() != null) {
                webhooks.exito(n.webhookId());
            }
            return true;
        } catch (Exception e) {
            int hechos = n.intentos() + 1;
            boolean rendirse = hechos >= intentos;
            Duration espera = primeraEspera.multipliedBy(1L << Math.min(hechos - 1, 20));
            if (espera.compareTo(ESPERA_MAXIMA) > 0) {
                espera = ESPERA_MAXIMA;
            }
            String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            repository.fallo(n.id(), error, OffsetDateTime.now(clock).plus(espera), rendirse);
            log.warn("notification {} ({}) not delivered, attempt {}: {}", n.id(), n.canal(), hechos, error);
            if (n.webhookId() != null
                    && webhooks.fallo(n.webhookId(), fallosParaDesactivar, error, OffsetDateTime.now(clock))) {
                desactivado(n.webhookId(), error);
            }
            return false;
        }
    }

    /** A subscription was just disabled: its administrators are told, and the other webhooks. */
    private void desactivado(long webhookId, String error) {
        Webhook w = webhooks.buscar(webhookId).orElseThrow();
        log.warn(
                "webhook {} ({}) disabled after {} failed deliveries in a row", w.id(), w.nombre(), w.fallosSeguidos());
        String clave = "webhook-desactivado:" + w.id() + ":" + w.desactivadoEn().toEpochSecond();
        for (UsuarioView admin : textos.administradores()) {
            Locale idioma = textos.idioma(admin.id());
            encolarEmail(
                    admin.email(),
                    Eventos.WEBHOOK_DESACTIVADO,
                    textos.texto(idioma, "notificacion.webhook.desactivado.asunto", w.nombre()),
                    textos.texto(
                            idioma,
                            "notificacion.webhook.desactivado.cuerpo",
                            w.nombre(),
                            w.url(),
                            w.fallosSeguidos(),
                            error,
                            w.id()),
                    clave + ":" + admin.id());
        }
        Map<String, Object> datos = new LinkedHashMap<>();
        datos.put("webhook_id", w.id());
        datos.put("nombre", w.nombre());
        datos.put("fallos_seguidos", w.fallosSeguidos());
        encolarEvento(Eventos.WEBHOOK_DESACTIVADO, datos, clave);
    }

    /** The latest notifications matching the filter, newest first (at most 500). */
    @Transactional(readOnly = true)
    public List<Notificacion> listar(FiltroNotificaciones filtro, int limite) {
        return repository.buscar(filtro, Math.max(1, Math.min(limite, 500)));
    }

    /** How many match the filter in each estado (pendiente, fallida, enviada). */
    @Transactional(readOnly = true)
    public Map<String, Long> cuentas(FiltroNotificaciones filtro) {
        return repository.cuentas(filtro);
    }

    /** The eventos the outbox holds, for a filter. */
    @Transactional(readOnly = true)
    public List<String> eventos() {
        return repository.eventos();
    }
}
