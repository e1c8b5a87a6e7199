package org.inventarioti.categorias;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.inventarioti.listing.ListPage;
import org.inventarioti.listing.ListParams;
import org.inventarioti.listing.Listing;
import org.inventarioti.listing.Sort;
import org.inventarioti.listing.SqlFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Repository
class CategoriaRepository {

    private static final String COLUMNS = "c.id, c.nombre, c.descripcion, c.esquema::text AS esquema, c.version";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Listing listing;

    CategoriaRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.listing = new Listing(jdbc, "SELECT " + COLUMNS + " FROM categorias c", "FROM categorias c", "c.id");
    }

    ListPage<Categoria> listar(SqlFilter filter, Sort sort, ListParams params) {
        return listing.run(filter, sort, params, this::map);
    }

    Optional<Categoria> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM categorias c WHERE c.id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    long insert(String nombre, String descripcion, JsonNode esquema) {
        return jdbc.sql("INSERT INTO categorias (nombre, descripcion, esquema) VALUES (?, ?, CAST(? AS jsonb)) "
                        + "RETURNING id")
                .params(nombre, descripcion, json.writeValueAsString(esquema))
                .query(Long.class)
                .single();
    }

    /** Replaces the category when it is still at {@code version}; false when it is not (or gone). */
    boolean update(long id, int version, String nombre, String descripcion, JsonNode esquema) {
        return jdbc.sql("""
                        UPDATE categorias SET nombre = ?, descripcion = ?, esquema = CAST(? AS jsonb),
                               version = version + 1, updated_at = now()
                        WHERE id = ? AND version = ?""")
                        .params(nombre, descripcion, json.writeValueAsString(esquema), id, version)
                        .update()
                == 1;
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM categorias WHERE id = ?").param(id).update() == 1;
    }

    /** Every category, by name (the choices of forms and filters). */
    java.util.List<Categoria> todas() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM categorias c ORDER BY lower(c.nombre)")
                .query(this::map)
                .list();
    }

    private Categoria map(ResultSet rs, int row) throws SQLException {
        return new Categoria(
                rs.getLong("id"),
                rs.getString("nombre"),
                rs.getString("descripcion"),
                json.readTree(rs.getString("esquema")),
                rs.getInt("version"));
    }
}
