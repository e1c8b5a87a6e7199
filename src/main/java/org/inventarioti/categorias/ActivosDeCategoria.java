package org.inventarioti.categorias;

import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * What the category feature needs of the assets in a category. The asset feature provides it (it
 * depends on categories, so categories cannot call it directly without a cycle), and only it reads
 * its table.
 */
public interface ActivosDeCategoria {

    long contar(long categoriaId);

    /** Hands the especificaciones of each asset of the category, by id, to {@code consumer}. */
    void recorrer(long categoriaId, Consumer<ActivoEspecificaciones> consumer);

    record ActivoEspecificaciones(long id, String codigo, JsonNode especificaciones) {}
}
