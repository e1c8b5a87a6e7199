package org.inventarioti.activos;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.inventarioti.categorias.ActivosDeCategoria;
import org.inventarioti.errors.Versions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The category feature's view of the assets, over the repository (the asset service depends on categories). */
@Component
class ActivosParaCategorias implements ActivosDeCategoria {

    private final ActivoRepository repository;
    private final ObjectProvider<ActivoService> activos;
    private final JsonMapper json;

    /** The asset service lazily: it depends on the category service, which depends on this. */
    ActivosParaCategorias(ActivoRepository repository, ObjectProvider<ActivoService> activos, JsonMapper json) {
        this.repository = repository;
        this.activos = activos;
        this.json = json;
    }

    @Override
    public long contar(long categoriaId) {
        return repository.contarDeCategoria(categoriaId);
    }

    @Override
    public void recorrer(long categoriaId, Consumer<ActivoEspecificaciones> consumer) {
        repository.recorrerDeCategoria(categoriaId, consumer);
    }

    @Override
    public long rellenar(long categoriaId, String clave, JsonNode valor) {
        List<Long> sinClave = new ArrayList<>();
        repository.recorrerDeCategoria(categoriaId, a -> {
            JsonNode actual =
                    a.especificaciones() == null ? null : a.especificaciones().get(clave);
            if (actual == null || actual.isNull()) {
                sinClave.add(a.id());
            }
        });
        ActivoService servicio = activos.getObject();
        for (long id : sinClave) {
            ObjectNode patch = json.createObjectNode();
            patch.putObject("especificaciones").set(clave, valor);
            servicio.modificar(id, patch, Versions.etag(servicio.buscar(id).version()));
        }
        return sinClave.size();
    }
}
