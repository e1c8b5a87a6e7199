package org.inventarioti.notificaciones;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.inventarioti.auditoria.AuditoriaService;
import org.inventarioti.errors.FieldError;
import org.inventarioti.errors.InvalidException;
import org.inventarioti.errors.NotFoundException;
import org.inventarioti.secretos.DetectorSecretos;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook subscriptions (ADMIN, {@code /api/webhooks}): an http(s) URL that is not internal
 * (unless {@code inventario.webhooks.permitir-privadas}), the events it receives (or every one),
 * a payload format, and an HMAC secret the server makes and shows once. Delivery disables a
 * subscription after {@code inventario.webhooks.fallos-para-desactivar} failures in a row; it is
 * enabled again here.
 */
@Service
class WebhookService {

    static final String ENTIDAD = "webhook";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookRepository repository;
    private final AuditoriaService auditoria;
    private final boolean permitirPrivadas;

    WebhookService(
            WebhookRepository repository,
            AuditoriaService auditoria,
            @Value("${inventario.webhooks.permitir-privadas:false}") boolean permitirPrivadas) {
        this.repository = repository;
        this.auditoria = auditoria;
        this.permitirPrivadas = permitirPrivadas;
    }

    @Transactional(readOnly = true)
    List<Webhook> listar() {
        return repository.listar();
    }

    @Transactional(readOnly = true)
    Webhook buscar(long id) {
        return repository.buscar(id).orElseThrow(() -> new NotFoundException(ENTIDAD, id));
    }

    @Transactional
    Webhook.ConSecreto crear(Webhook.Peticion peticion) {
        Webhook.Peticion p = validar(peticion);
        String secreto = nuevoSecreto();
        long id = repository.crear(p, eventos(p), secreto, "api");
        Webhook creado = buscar(id);
        auditoria.creado(ENTIDAD, id, creado);
        return new Webhook.ConSecreto(creado, secreto);
    }

    @Transactional
    Webhook actualizar(long id, Webhook.Peticion peticion) {
        Webhook antes = buscar(id);
        Webhook.Peticion p = validar(peticion);
        repository.actualizar(id, p, eventos(p));
        Webhook despues = buscar(id);
        auditoria.actualizado(ENTIDAD, id, antes, despues);
        return despues;
    }

    /** A new secret, shown this once; the old one signs nothing from now on. */
    @Transactional
    Webhook.ConSecreto rotarSecreto(long id) {
        buscar(id);
        String secreto = nuevoSecreto();
        repository.secreto(id, secreto);
        auditoria.evento("rotar-secreto", ENTIDAD, id, AuditoriaService.currentActor(), Map.of());
        return new Webhook.ConSecreto(buscar(id), secreto);
    }

    /** Enables a subscription again (after it was disabled for failing): what waited is delivered. */
    @Transactional
    Webhook activar(long id) {
        Webhook antes = buscar(id);
        repository.activar(id);
        Webhook despues = buscar(id);
        auditoria.actualizado(ENTIDAD, id, antes, despues);
        return despues;
    }

    @Transactional
    void eliminar(long id) {
        Webhook antes = buscar(id);
        repository.eliminar(id);
        auditoria.eliminado(ENTIDAD, id, antes);
    }

    /**
     * The webhook of {@code INVENTARIO_WEBHOOK_URL} (before V39 the only one) becomes a
     * subscription to every event, once, keeping {@code INVENTARIO_WEBHOOK_SECRET} as its secret.
     */
    @Transactional
    boolean importar(String url, String secreto) {
        if (url == null || url.isBlank()) {
            return false;
        }
        Webhook.Peticion p = new Webhook.Peticion("INVENTARIO_WEBHOOK_URL", url.strip(), null, Formatos.JSON);
        return repository.importar(p, secreto == null || secreto.isEmpty() ? nuevoSecreto() : secreto);
    }

    private Webhook.Peticion validar(Webhook.Peticion p) {
        List<FieldError> errores = new ArrayList<>();
        String nombre = p.nombre() == null ? "" : p.nombre().strip();
        String url = p.url() == null ? "" : p.url().strip();
        Map<String, String> textos = new LinkedHashMap<>();
        textos.put("nombre", nombre);
        textos.put("url", url);
        List<String> conSecreto = DetectorSecretos.camposConSecreto(textos);
        conSecreto.forEach(campo -> errores.add(FieldError.of(campo, DetectorSecretos.MENSAJE_VALOR)));
        if (nombre.isEmpty() || nombre.length() > 100) {
            errores.add(FieldError.of("nombre", "is required, at most 100 characters"));
        }
        if (url.isEmpty() || url.length() > 2000) {
            errores.add(FieldError.of("url", "is required, at most 2000 characters"));
        } else if (!conSecreto.contains("url")) {
            try {
                WebhookCanal.comprobar(url, permitirPrivadas);
            } catch (IllegalArgumentException e) {
                errores.add(FieldError.of("url", e.getMessage()));
            }
        }
        Set<String> eventos = new LinkedHashSet<>();
        if (p.eventos() != null && p.eventos().isEmpty()) {
            errores.add(FieldError.of("eventos", "names at least one event, or \"*\" for every event"));
        } else if (p.eventos() != null) {
            for (String evento : p.eventos()) {
                if (evento == null || !(evento.equals(Webhook.TODOS) || Eventos.NOMBRES.contains(evento))) {
                    errores.add(FieldError.of(
                            "eventos", "unknown event (see GET /api/webhooks/eventos, or \"*\" for every event)"));
                    break;
                }
                eventos.add(evento);
            }
        }
        String formato = p.formato() == null ? Formatos.JSON : p.formato();
        if (!Formatos.NOMBRES.contains(formato)) {
            errores.add(FieldError.of("formato", "must be json, slack or teams"));
        }
        if (!errores.isEmpty()) {
            throw new InvalidException(errores);
        }
        return new Webhook.Peticion(nombre, url, List.copyOf(eventos), formato);
    }

    /** NULL (every event) for none or {@code *}. */
    private static String[] eventos(Webhook.Peticion p) {
        if (p.eventos().isEmpty() || p.eventos().contains(Webhook.TODOS)) {
            return null;
        }
        return p.eventos().stream().sorted().toArray(String[]::new);
    }

    private static String nuevoSecreto() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
