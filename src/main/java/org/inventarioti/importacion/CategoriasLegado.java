package org.inventarioti.importacion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The original's categories matched to ours by name (case and accents ignored) or created, plus
 * "Sin categoría" for assets that had none: our assets always have one.
 */
final class CategoriasLegado {

    static final String SIN_CATEGORIA = "Sin categoría";
    static final List<String> COLUMNAS = List.of("id", "nombre", "descripcion");

    private final Contexto ctx;
    private final List<Long> creadas = new ArrayList<>();
    private boolean sinCategoriaCreada;

    CategoriasLegado(Contexto ctx) {
        this.ctx = ctx;
    }

    long[] creadas() {
        return creadas.stream().mapToLong(Long::longValue).toArray();
    }

    boolean sinCategoriaCreada() {
        return sinCategoriaCreada;
    }

    void importar(Origen origen, EsquemaLegado esquema, List<Destino.Categoria> destino, CopyCsv copy)
            throws Exception {
        Map<String, Long> porNombre = new HashMap<>();
        long[] next = {1};
        for (Destino.Categoria categoria : destino) {
            porNombre.putIfAbsent(Valores.clave(categoria.nombre()), categoria.id());
            ctx.esquemas.put(categoria.id(), categoria.esquema());
            next[0] = Math.max(next[0], categoria.id() + 1);
        }
        List<String> columns = esquema.columnas("categorias");
        Columnas c = new Columnas(columns);
        Map<String, String> nombresVistos = new HashMap<>();
        origen.leer("categorias", columns, fila -> {
            c.con(fila);
            ctx.registro.leida("categorias");
            var id = Valores.id(c.get("id"));
            String nombre = Valores.texto(c.get("nombre"));
            if (id.isEmpty()) {
                ctx.registro.rechazada("categorias", String.valueOf(c.get("id")), "id is not a number");
                return;
            }
            if (nombre == null || nombre.length() > 100) {
                ctx.registro.rechazada(
                        "categorias",
                        c.get("id"),
                        (nombre == null ? "empty nombre" : "nombre longer than 100 characters") + ": its assets go to "
                                + SIN_CATEGORIA);
                return;
            }
            String key = Valores.clave(nombre);
            Long target = porNombre.get(key);
            if (target != null) {
                String before = nombresVistos.putIfAbsent(key, nombre);
                ctx.registro.decision(
                        "categories",
                        nombre,
                        before != null ? "merged with " + before : "matched by name",
                        c.get("id"));
            } else {
                target = next[0]++;
                copy.fila(target, nombre, Valores.texto(c.get("descripcion")));
                creadas.add(target);
                porNombre.put(key, target);
                nombresVistos.put(key, nombre);
                ctx.esquemas.put(target, null);
                ctx.registro.decision("categories", nombre, "created", c.get("id"));
            }
            ctx.categorias.put(id.get(), target);
            ctx.registro.importada("categorias");
        });
        Long sin = porNombre.get(Valores.clave(SIN_CATEGORIA));
        if (sin == null) {
            sin = next[0]++;
            copy.fila(sin, SIN_CATEGORIA, "Activos importados sin categoría");
            sinCategoriaCreada = true;
            creadas.add(sin);
        }
        ctx.sinCategoria = sin;
    }

    /** Takes "Sin categoría" out again when it was created and no asset needed it. */
    void retirarSinUso(Motor motor) throws java.sql.SQLException {
        if (sinCategoriaCreada && !ctx.sinCategoriaUsada) {
            creadas.remove(ctx.sinCategoria);
            motor.sql("DELETE FROM categorias WHERE id = " + ctx.sinCategoria);
        } else if (sinCategoriaCreada) {
            ctx.registro.decision("categories", "(assets without category)", "created " + SIN_CATEGORIA, null);
        }
    }
}
