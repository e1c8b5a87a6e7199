package org.inventarioti.activos;

import java.util.function.Consumer;
import org.inventarioti.categorias.ActivosDeCategoria;
import org.springframework.stereotype.Component;

/** The category feature's view of the assets, over the repository (the asset service depends on categories). */
@Component
class ActivosParaCategorias implements ActivosDeCategoria {

    private final ActivoRepository repository;

    ActivosParaCategorias(ActivoRepository repository) {
        this.repository = repository;
    }

    @Override
    public long contar(long categoriaId) {
        return repository.contarDeCategoria(categoriaId);
    }

    @Override
    public void recorrer(long categoriaId, Consumer<ActivoEspecificaciones> consumer) {
        repository.recorrerDeCategoria(categoriaId, consumer);
    }
}
