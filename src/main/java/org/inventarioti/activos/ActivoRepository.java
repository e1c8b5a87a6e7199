package org.inventarioti.activos;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.inventarioti.categorias.ActivosDeCategoria;
import org.inventarioti.listing.CountCache;
import org.inventarioti.listing.ListPage;
import org.inventarioti.listing.ListParams;
import org.inventarioti.listing.Listing;
import org.inventarioti.listing.Records;
import org.inventarioti.listing.Sort;
import org.inventarioti.listing.SqlFilter;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ActivoRepository {

    /** The select of an asset; {@code %s} is the especificaciones read of this side of V3. */
    static final String SELECT_FORMA = """
            SELECT a.id, a.codigo, a.categoria_id, c.nombre AS categoria, a.nombre, a.marca, a.modelo,
                   a.numero_serie, a.estado, a.area, a.ubicacion, a.ubicacion_id, a.proveedor, a.fecha_compra, a.garantia_hasta,
                   a.precio, a.moneda, a.responsable, a.persona_id, a.notas, a.bitlocker, %s AS especificaciones,
                   a.version, a.created_at, a.created_by, a.updated_at, a.updated_by
            FROM activos a JOIN categorias c ON c.id = a.categoria_id""";

    /** The select on V3 and later. */
    static final String SELECT = SELECT_FORMA.formatted("a.especificaciones::text");

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate lotes;
    private final JsonMapper json;
    private final FormaEspecificaciones forma;
    private volatile Listing listing;
    private final RowMapper<Activo> rows;
    private final CountCache totals = new CountCache(5000, java.time.Duration.ofMinutes(1));

    ActivoRepository(JdbcClient jdbc, NamedParameterJdbcTemplate lotes, JsonMapper json, FormaEspecificaciones forma) {
        this.jdbc = jdbc;
        this.lotes = lotes;
        this.json = json;
        this.forma = forma;
        this.rows = Records.rowMapper(Activo.class, json);
    }

    private String select() {
        return SELECT_FORMA.formatted(forma.lectura());
    }

    private Listing listing() {
        Listing known = listing;
        if (known == null) {
            known = new Listing(jdbc, select(), "FROM activos a", "a.id");
            listing = known;
        }
        return known;
    }

    /** The JSONB especificaciones column for filters, on either side of V3. */
    String columnaEspecificaciones() {
        return forma.columna();
    }

    /** Call in a REPEATABLE READ transaction: the version and the list must share one snapshot. */
    ListPage<Activo> listar(SqlFilter filter, Sort sort, ListParams params) {
        // The table's oid joins the change counter: a restore swaps in new tables (new oids) whose
        // carried-over counter may repeat a value already cached for the old data.
        Long version = jdbc.sql("SELECT n + ('activos'::regclass::oid::bigint << 40) FROM ops_activos_version")
                .query(Long.class)
                .optional()
                .orElse(null);
        return listing().run(filter, sort, params, rows, totals, version);
    }

    Optional<Activo> findById(long id) {
        return jdbc.sql(select() + " WHERE a.id = ?").param(id).query(rows).optional();
    }

    Optional<Activo> findByCodigo(String codigo) {
        return jdbc.sql(select() + " WHERE a.codigo = ?")
                .param(codigo)
                .query(rows)
                .optional();
    }

    boolean exists(long id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM activos WHERE id = ?)")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    long insert(ActivoRequest a, String actor) {
        return jdbc.sql(insertSql(false) + " RETURNING id")
                .paramSource(params(a, actor, Map.of()))
                .query(Long.class)
                .single();
    }

    private String insertSql(boolean conId) {
        return """
                INSERT INTO activos (%scategoria_id, nombre, marca, modelo, numero_serie, estado, area, ubicacion,
                                     proveedor, fecha_compra, garantia_hasta, precio, moneda, responsable, notas,
                                     bitlocker, persona_id, ubicacion_id, %s, created_by, updated_by)
                VALUES (%s:categoriaId, :nombre, :marca, :modelo, :numeroSerie, :estado, :area, :ubicacion,
                        :proveedor, :fechaCompra, :garantiaHasta, :precio, :moneda, :responsable, :notas,
                        :bitlocker, :personaId, :ubicacionId, %s, :actor, :actor)""".formatted(
                        conId ? "id, " : "", forma.columnas(), conId ? ":id, " : "", forma.valores("especificaciones"));
    }

    /** Inserts many assets in one batch of statements; answers their ids, in order. */
    List<Long> insertarVarios(List<ActivoRequest> requests, String actor) {
        if (requests.isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbc.sql("SELECT nextval(pg_get_serial_sequence('activos', 'id')) FROM generate_series(1, ?)")
                .param(requests.size())
                .query(Long.class)
                .list();
        SqlParameterSource[] params = new SqlParameterSource[requests.size()];
        for (int i = 0; i < params.length; i++) {
            params[i] = params(requests.get(i), actor, Map.of("id", ids.get(i)));
        }
        lotes.batchUpdate(insertSql(true), params);
        return ids;
    }

    /** Replaces the asset when it is still at {@code version}; false when it is not (or is gone). */
    boolean update(long id, int version, ActivoRequest a, String actor) {
        return jdbc.sql(updateSql())
                        .paramSource(params(a, actor, Map.of("id", id, "version", version)))
                        .update()
                == 1;
    }

    private String updateSql() {
        return """
                UPDATE activos SET categoria_id = :categoriaId, nombre = :nombre, marca = :marca,
                       modelo = :modelo, numero_serie = :numeroSerie, estado = :estado, area = :area,
                       ubicacion = :ubicacion, proveedor = :proveedor, fecha_compra = :fechaCompra,
                       garantia_hasta = :garantiaHasta, precio = :precio, moneda = :moneda,
                       responsable = :responsable, notas = :notas, bitlocker = :bitlocker,
                       persona_id = :personaId, ubicacion_id = :ubicacionId,
                       %s, version = version + 1,
                       updated_at = now(), updated_by = :actor
                WHERE id = :id AND version = :version""".formatted(forma.asignacion("especificaciones"));
    }

    /** {@link #update} of many assets in one batch; answers, in order, whether each was still at its version. */
    boolean[] actualizarVarios(List<Long> ids, List<Integer> versions, List<ActivoRequest> requests, String actor) {
        SqlParameterSource[] params = new SqlParameterSource[requests.size()];
        for (int i = 0; i < params.length; i++) {
            params[i] = params(requests.get(i), actor, Map.of("id", ids.get(i), "version", versions.get(i)));
        }
        int[] counts = params.length == 0 ? new int[0] : lotes.batchUpdate(updateSql(), params);
        boolean[] done = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            done[i] = counts[i] == 1;
        }
        return done;
    }

    /** The assets with these ids (those that exist). */
    List<Activo> porIds(Collection<Long> ids) {
        return ids.isEmpty()
                ? List.of()
                : jdbc.sql(select() + " WHERE a.id IN (:ids)")
                        .param("ids", List.copyOf(ids))
                        .query(rows)
                        .list();
    }

    /** The estado a maintenance gives, remembering the one it replaces ({@code antes}: null forgets it). */
    void updateEstado(long id, String estado, String antes, String actor) {
        jdbc.sql("""
                        UPDATE activos SET estado = ?, estado_antes_mantenimiento = ?, version = version + 1,
                               updated_at = now(), updated_by = ?
                        WHERE id = ?""").params(estado, antes, actor, id).update();
    }

    /**
     * A check-out or check-in: estado, custodian and (when {@code ubicacion}) place; a link removed
     * removes its text (V45's trigger writes the texts of the links set).
     */
    void updateCustodia(long id, String estado, Long personaId, boolean ubicacion, Long ubicacionId, String actor) {
        jdbc.sql("""
                        UPDATE activos SET estado = :estado, persona_id = :persona,
                               responsable = CASE WHEN CAST(:persona AS bigint) IS NULL THEN NULL ELSE responsable END,
                               ubicacion_id = CASE WHEN :cambiaUbicacion THEN CAST(:ubicacion AS bigint) ELSE ubicacion_id END,
                               ubicacion = CASE WHEN :cambiaUbicacion AND CAST(:ubicacion AS bigint) IS NULL THEN NULL
                                                ELSE ubicacion END,
                               version = version + 1, updated_at = now(), updated_by = :actor
                        WHERE id = :id""")
                .param("estado", estado)
                .param("persona", personaId)
                .param("cambiaUbicacion", ubicacion)
                .param("ubicacion", ubicacionId)
                .param("actor", actor)
                .param("id", id)
                .update();
    }

    /** The estado the asset had before the maintenance in progress put it En mantenimiento. */
    Optional<String> estadoAntesDeMantenimiento(long id) {
        return jdbc.sql("SELECT estado_antes_mantenimiento FROM activos WHERE id = ?")
                .param(id)
                .query(String.class)
                .optional();
    }

    boolean delete(long id, Integer version) {
        if (version == null) {
            return jdbc.sql("DELETE FROM activos WHERE id = ?").param(id).update() == 1;
        }
        return jdbc.sql("DELETE FROM activos WHERE id = ? AND version = ?")
                        .params(id, version)
                        .update()
                == 1;
    }

    /** Locks the asset's row for the rest of the transaction. */
    Optional<Activo> lock(long id) {
        return jdbc.sql(select() + " WHERE a.id = ? FOR UPDATE OF a")
                .param(id)
                .query(rows)
                .optional();
    }

    long contarDeCategoria(long categoriaId) {
        return jdbc.sql("SELECT count(*) FROM activos WHERE categoria_id = ?")
                .param(categoriaId)
                .query(Long.class)
                .single();
    }

    /** Streams the especificaciones of a category's assets (for the conformance report). */
    void recorrerDeCategoria(long categoriaId, Consumer<ActivosDeCategoria.ActivoEspecificaciones> consumer) {
        jdbc.sql("SELECT id, codigo, " + forma.lecturaSinAlias() + " FROM activos WHERE categoria_id = ? ORDER BY id")
                .param(categoriaId)
                .query(rs -> {
                    consumer.accept(new ActivosDeCategoria.ActivoEspecificaciones(
                            rs.getLong(1), rs.getString(2), json.readTree(rs.getString(3))));
                });
    }

    /** The assets with these codes, by codigo. */
    List<Activo> porCodigos(Collection<String> codigos) {
        return jdbc.sql(select() + " WHERE a.codigo IN (:codigos) ORDER BY a.codigo")
                .param("codigos", List.copyOf(codigos))
                .query(rows)
                .list();
    }

    /** The assets whose serial number is one of these (compared as the unique index does: case and spaces ignored). */
    List<Activo> porNumerosSerie(Collection<String> series) {
        return jdbc.sql(select() + " WHERE lower(btrim(a.numero_serie)) IN (:series)")
                .param(
                        "series",
                        series.stream()
                                .map(s -> s.strip().toLowerCase(java.util.Locale.ROOT))
                                .toList())
                .query(rows)
                .list();
    }

    /** Ids of the assets of a category (optionally one área / ubicación, any case), not retired. */
    List<Long> idsDeCategoria(long categoriaId, String area, String ubicacion) {
        StringBuilder sql =
                new StringBuilder("SELECT id FROM activos WHERE categoria_id = :categoria AND estado <> :baja");
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("categoria", categoriaId);
        params.put("baja", Activo.DADO_DE_BAJA);
        if (area != null) {
            sql.append(" AND lower(btrim(area)) = lower(btrim(:area))");
            params.put("area", area);
        }
        if (ubicacion != null) {
            sql.append(" AND lower(btrim(ubicacion)) = lower(btrim(:ubicacion))");
            params.put("ubicacion", ubicacion);
        }
        return jdbc.sql(sql.append(" ORDER BY id").toString())
                .params(params)
                .query(Long.class)
                .list();
    }

    private SqlParameterSource params(ActivoRequest a, String actor, Map<String, ?> extra) {
        Map<String, Object> all = new java.util.HashMap<>(extra);
        all.put("actor", actor);
        return Records.params(a, json, all);
    }
}
