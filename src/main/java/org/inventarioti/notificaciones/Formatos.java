package org.inventarioti.notificaciones;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body a webhook receives, by its {@code formato}: {@code json} is the event itself
 * ({@code {"evento", "clave", "datos"}}); {@code slack} is a Slack incoming-webhook message
 * ({@code {"text"}}); {@code teams} is a Teams Workflows message carrying an Adaptive Card.
 */
final class Formatos {

    static final String JSON = "json";
    static final String SLACK = "slack";
    static final String TEAMS = "teams";
    static final Set<String> NOMBRES = Set.of(JSON, SLACK, TEAMS);

    private Formatos() {}

    static String cuerpo(JsonMapper json, String formato, String evento, String clave, Map<String, ?> datos) {
        return switch (formato) {
            case SLACK -> json.writeValueAsString(Map.of("text", resumen(evento, datos)));
            case TEAMS ->
                json.writeValueAsString(Map.of(
                        "type",
                        "message",
                        "attachments",
                        List.of(Map.of(
                                "contentType",
                                "application/vnd.microsoft.card.adaptive",
                                "content",
                                Map.of(
                                        "$schema", "http://adaptivecards.io/schemas/adaptive-card.json",
                                        "type", "AdaptiveCard",
                                        "version", "1.4",
                                        "body",
                                                List.of(Map.of(
                                                        "type",
                                                        "TextBlock",
                                                        "text",
                                                        resumen(evento, datos),
                                                        "wrap",
                                                        true)))))));
            default -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("evento", evento);
                body.put("clave", clave);
                body.put("datos", datos);
                yield json.writeValueAsString(body);
            }
        };
    }

    /** One line for a chat: the event and its data as key=value. */
    static String resumen(String evento, Map<String, ?> datos) {
        String detalle = new java.util.TreeMap<String, Object>(datos)
                .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        return "[Inventario-TI] " + evento + (detalle.isEmpty() ? "" : ": " + detalle);
    }
}
