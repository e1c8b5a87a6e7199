package org.inventarioti.auditoria;

import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.inventarioti.config.RequestId;
import org.inventarioti.listing.ListPage;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the append-only audit trail: who (the authenticated user, or the one named for login
 * events and the CLI), when, what, before/after as JSON, the request id and client address. A
 * change and its audit row share the caller's transaction, so neither exists without the other.
 */
@Service
public class AuditoriaService {

    private static final String INSERT = """
            INSERT INTO auditoria (actor_id, actor_email, accion, entidad, entidad_id, antes, despues,
                                   request_id, direccion_cliente)
            VALUES ((SELECT id FROM usuarios WHERE lower(email) = lower(:actor)), :actor, :accion,
                    :entidad, :entidadId, CAST(:antes AS jsonb), CAST(:despues AS jsonb),
                    :requestId, :cliente)
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate lotes;
    private final JsonMapper json;
    private final AuditoriaConsulta consulta;

    AuditoriaService(JdbcClient jdbc, NamedParameterJdbcTemplate lotes, JsonMapper json, AuditoriaConsulta consulta) {
        this.jdbc = jdbc;
        this.lotes = lotes;
        this.json = json;
        this.consulta = consulta;
    }

    /** One entity of a batch: its id and its state before (null for a creation) and after. */
    public record Registro(Object entidadId, Object antes, Object despues) {}

    /** One audit row as administrators read it. */
    public record Entrada(
            long id,
            OffsetDateTime ocurridoEn,
            Long actorId,
            String actorEmail,
            String accion,
            String entidad,
            String entidadId,
            JsonNode antes,
            JsonNode despues,
            String requestId,
            String direccionCliente) {}

    /** One change of an entity as its history shows it (without request id and client address). */
    public record Cambio(
            long id, OffsetDateTime ocurridoEn, String actorEmail, String accion, JsonNode antes, JsonNode despues) {}

    /**
     * The audit trail (ADMIN): filters {@code entidad, entidad_id, activo} (an asset code: its rows
     * and its maintenance records'), {@code actor} (email), {@code actor_id,
     * accion, desde, hasta} (date or timestamp, {@code hasta} exclusive); newest first.
     */
    @Transactional(readOnly = true)
    public ListPage<Entrada> consultar(Map<String, List<String>> query) {
        return consulta.consultar(query);
    }

    /** The changes of one entity, newest first (paged like every list). */
    @Transactional(readOnly = true)
    public ListPage<Cambio> historial(String entidad, Object entidadId, Map<String, List<String>> query) {
        return consulta.historial(entidad, entidadId, query)
                .map(e -> new Cambio(e.id(), e.ocurridoEn(), e.actorEmail(), e.accion(), e.antes(), e.despues()));
    }

    /** An event about an entity with no before/after, e.g. a login. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void evento(String accion, String entidad, Object entidadId, String actorEmail, Map<String, ?> detalles) {
        insert(accion, entidad, entidadId, actorEmail, null, detalles == null ? null : json.valueToTree(detalles));
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void creado(String entidad, Object entidadId, Object despues) {
        insert("crear", entidad, entidadId, null, null, json.valueToTree(despues));
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void eliminado(String entidad, Object entidadId, Object antes) {
        insert("eliminar", entidad, entidadId, null, json.valueToTree(antes), null);
    }

    /** Records only the fields that changed; records nothing when nothing changed. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void actualizado(String entidad, Object entidadId, Object antes, Object despues) {
        JsonNode[] changed = cambios(antes, despues);
        if (changed != null) {
            insert("actualizar", entidad, entidadId, null, changed[0], changed[1]);
        }
    }

    /** {@link #creado} of many entities, in one batch of statements (an import's rows). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void creados(String entidad, List<Registro> registros) {
        lote(
                "crear",
                entidad,
                registros.stream()
                        .map(r -> new Fila(id(r.entidadId()), null, json.valueToTree(r.despues())))
                        .toList());
    }

    /** {@link #actualizado} of many entities, in one batch of statements; those without a change record nothing. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void actualizados(String entidad, List<Registro> registros) {
        List<Fila> filas = new java.util.ArrayList<>();
        for (Registro r : registros) {
            JsonNode[] changed = cambios(r.antes(), r.despues());
            if (changed != null) {
                filas.add(new Fila(id(r.entidadId()), changed[0], changed[1]));
            }
        }
        lote("actualizar", entidad, filas);
    }

    private record Fila(String entidadId, JsonNode antes, JsonNode despues) {}

    private static String id(Object entidadId) {
        return entidadId == null ? null : entidadId.toString();
    }

    private void lote(String accion, String entidad, List<Fila> filas) {
        if (filas.isEmpty()) {
            return;
        }
        String actor = almacenable(currentActor());
        String requestId = RequestId.current();
        String cliente = clientAddress();
        MapSqlParameterSource[] params = new MapSqlParameterSource[filas.size()];
        for (int i = 0; i < params.length; i++) {
            Fila f = filas.get(i);
            params[i] = parametros(actor, accion, entidad, f.entidadId(), f.antes(), f.despues(), requestId, cliente);
        }
        lotes.batchUpdate(INSERT, params);
    }

    /** The fields that changed, before and after; null when none did. */
    private JsonNode[] cambios(Object antes, Object despues) {
        JsonNode before = json.valueToTree(antes);
        JsonNode after = json.valueToTree(despues);
        Map<String, JsonNode> changedBefore = new LinkedHashMap<>();
        Map<String, JsonNode> changedAfter = new LinkedHashMap<>();
        for (String field : after.propertyNames()) {
            if (!Objects.equals(before.get(field), after.get(field))) {
                changedBefore.put(field, before.get(field));
                changedAfter.put(field, after.get(field));
            }
        }
        return changedAfter.isEmpty() ? null : new JsonNode[] {object(changedBefore), object(changedAfter)};
    }

    private ObjectNode object(Map<String, JsonNode> fields) {
        ObjectNode node = json.createObjectNode();
        fields.forEach(node::set);
        return node;
    }

    private void insert(
            String accion, String entidad, Object entidadId, String actorEmail, JsonNode antes, JsonNode despues) {
        String actor = almacenable(actorEmail != null ? actorEmail : currentActor());
        jdbc.sql(INSERT)
                .paramSource(parametros(
                        actor,
                        accion,
                        entidad,
                        entidadId == null ? null : entidadId.toString(),
                        antes,
                        despues,
                        RequestId.current(),
                        clientAddress()))
                .update();
    }

    private MapSqlParameterSource parametros(
            String actor,
            String accion,
            String entidad,
            String entidadId,
            JsonNode antes,
            JsonNode despues,
            String requestId,
            String cliente) {
        return new MapSqlParameterSource()
                .addValue("actor", actor)
                .addValue("accion", accion)
                .addValue("entidad", entidad)
                .addValue("entidadId", entidadId)
                .addValue("antes", antes == null ? null : jsonAlmacenable(json.writeValueAsString(antes)))
                .addValue("despues", despues == null ? null : jsonAlmacenable(json.writeValueAsString(despues)))
                .addValue("requestId", requestId)
                .addValue("cliente", cliente);
    }

    /**
     * A text PostgreSQL can store: NUL (refused by every text column) becomes U+FFFD, so an event
     * about hostile input (a login with such an email) is still recorded.
     */
    static String almacenable(String text) {
        return text == null ? null : text.replace('\u0000', '\ufffd');
    }

    /** The same for JSON text, where jsonb refuses the escape {@code \u0000}. */
    private static String jsonAlmacenable(String jsonText) {
        return jsonText.replace("\\u0000", "\\ufffd");
    }

    /** The user behind the current request (or "cli:<os user>" for the command line). */
    public static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return authentication.getName();
        }
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
