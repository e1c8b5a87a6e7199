package org.inventarioti.activos;

import java.util.UUID;
import org.inventarioti.categorias.Categoria;
import org.inventarioti.categorias.CategoriaRequest;
import org.inventarioti.categorias.CategoriaService;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Test data for the asset pages: a category whose schema uses every kind of field, and assets of it. */
final class DatosWeb {

    static final String ESQUEMA = """
            {"type": "object",
             "properties": {
               "cpu": {"type": "string", "title": "Procesador", "maxLength": 200},
               "ram_gb": {"type": "integer", "title": "Memoria", "x-unidad": "GB", "minimum": 1},
               "pantalla": {"type": "number", "title": "Pantalla", "unit": "pulgadas"},
               "tactil": {"type": "boolean", "title": "Táctil"},
               "sistema": {"enum": ["Windows 11", "Ubuntu 24.04", "macOS"], "title": "Sistema operativo"},
               "service_tag": {"type": "string", "description": "Etiqueta del fabricante"}},
             "required": ["cpu", "ram_gb"]}""";

    private DatosWeb() {}

    static String unico(String prefijo) {
        return prefijo + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Categoria categoria(CategoriaService categorias, JsonMapper json) {
        return categorias.crear(new CategoriaRequest(
                unico("Portátiles web"), "Para las pruebas de las páginas", (ObjectNode) json.readTree(ESQUEMA), null));
    }

    static Activo activo(ActivoService activos, JsonMapper json, long categoriaId, String nombre, String specs) {
        return activos.crear(new ActivoRequest(
                categoriaId,
                nombre,
                "Dell",
                "Latitude",
                unico("SN"),
                null,
                "Soporte",
                "Sótano",
                "Proveedor SA",
                null,
                null,
                null,
                null,
                "Ana Pérez",
                "Notas de " + nombre,
                "enabled",
                (ObjectNode) json.readTree(specs),
                null));
    }
}
