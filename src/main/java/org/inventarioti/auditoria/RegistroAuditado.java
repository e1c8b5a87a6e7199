package org.inventarioti.auditoria;

import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;

/**
 * The record an audit row is about, as people know it (an asset's code, a category's name, a
 * user's e-mail, a maintenance record's number and its asset's code) and the link to its page;
 * no link for a deletion, or for an entity without a page.
 */
record RegistroAuditado(String texto, String enlace) {

    static RegistroAuditado de(AuditoriaService.Entrada e) {
        JsonNode estado = presente(e.despues()) ? e.despues() : e.antes();
        String id = e.entidadId();
        boolean borrado = "eliminar".equals(e.accion());
        return switch (e.entidad()) {
            case "activo" -> {
                String codigo = campo(estado, "codigo");
                yield new RegistroAuditado(
                        codigo != null ? codigo : id,
                        borrado || codigo == null ? null : "/activos/" + segmento(codigo));
            }
            case "mantenimiento" -> {
                String activo = campo(estado, "activo_codigo");
                yield new RegistroAuditado(
                        "#" + id + (activo == null ? "" : " · " + activo),
                        borrado || id == null ? null : "/mantenimientos/" + segmento(id));
            }
            case "categoria" -> conPagina(campo(estado, "nombre"), id, "/categorias/", borrado);
            case "usuario" -> conPagina(campo(estado, "email"), id, "/usuarios/", borrado);
            default -> new RegistroAuditado(id, null);
        };
    }

    private static RegistroAuditado conPagina(String nombre, String id, String ruta, boolean borrado) {
        return new RegistroAuditado(nombre != null ? nombre : id, borrado || id == null ? null : ruta + segmento(id));
    }

    private static boolean presente(JsonNode nodo) {
        return nodo != null && nodo.isObject();
    }

    private static String campo(JsonNode estado, String nombre) {
        if (!presente(estado)) {
            return null;
        }
        JsonNode valor = estado.get(nombre);
        return valor == null || !valor.isValueNode() || valor.asString().isBlank() ? null : valor.asString();
    }

    private static String segmento(String valor) {
        return UriUtils.encodePathSegment(valor, StandardCharsets.UTF_8);
    }
}
