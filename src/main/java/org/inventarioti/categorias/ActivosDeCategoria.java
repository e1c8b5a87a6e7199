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

    /**
     * Gives {@code valor} under {@code clave} to each asset of the category that lacks it (or holds
     * null), as an ordinary change of that asset (its rules, its version, one audit row each);
     * returns how many were changed.
     */
    long rellenar(long categoriaId, String clave, JsonNode valor);

    record ActivoEspecificaciones(long id, String codigo, JsonNode especificaciones) {}
}
