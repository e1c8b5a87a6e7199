package org.inventarioti.activos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.inventarioti.listing.ListParams;
import org.inventarioti.listing.SortKey;
import org.inventarioti.listing.SqlFilter;
import org.inventarioti.support.InventarioTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every sort and every filter of the asset list has an index: with sequential scans and explicit
 * sorts priced out, no plan may still need one. (docs/benchmarks.md shows the plans on 100 000 rows.)
 */
@InventarioTest
class ActivoIndicesTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JsonMapper json;

    private String plan(String sql, Map<String, ?> params) {
        return transactions.execute(status -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            jdbc.sql("SET LOCAL enable_sort = off").update();
            return String.join(
                    "\n",
                    jdbc.sql("EXPLAIN " + sql)
                            .params(params)
                            .query(String.class)
                            .list());
        });
    }

    @Test
    void everySortReadsAnIndexInOrder() {
        for (String name : ActivoConsulta.SORTS.names()) {
            SortKey key = ActivoConsulta.SORTS.by(name, false).key();
            for (String direction : List.of("ASC", "DESC")) {
                String order = key.expression() + " " + direction + (key.unique() ? "" : ", a.id " + direction);
                String plan = plan(ActivoRepository.SELECT + " ORDER BY " + order + " LIMIT 51", Map.of());
                assertThat(plan)
                        .as(name + " " + direction + "\n" + plan)
                        .doesNotContain("Sort  (")
                        .contains("Index");
                String keyset = plan(
                        ActivoRepository.SELECT + " WHERE (" + key.expression() + ", a.id) > (CAST(:v AS "
                                + key.sqlType() + "), 0) ORDER BY " + order + " LIMIT 51",
                        Map.of("v", sample(key.sqlType())));
                assertThat(keyset).as(name + " keyset\n" + keyset).doesNotContain("Sort  (");
            }
        }
    }

    @Test
    void everyFilterReadsAnIndex() {
        for (String query : List.of(
                "categoria_id=1",
                "estado=Activo",
                "area=Finanzas",
                "responsable=ana",
                "proveedor=dell",
                "bitlocker=enabled",
                "fecha_compra_desde=2024-01-01",
                "fecha_compra_hasta=2024-01-01",
                "garantia_vence_desde=2024-01-01",
                "garantia_vence_antes=2026-01-01",
                "q=latitude",
                "spec.ram=16GB",
                "spec.numero_puertos=48")) {
            String[] kv = query.split("=", 2);
            ListParams params = ActivoConsulta.params(Map.of(kv[0], List.of(kv[1])));
            SqlFilter filter = ActivoConsulta.filter(params, json);
            String plan = plan("SELECT count(*) FROM activos a" + filter.where(), filter.params());
            assertThat(plan).as(query + "\n" + plan).doesNotContain("Seq Scan").contains("Index");
        }
    }

    private static Object sample(String sqlType) {
        return switch (sqlType) {
            case "date" -> "2024-01-01";
            case "numeric", "bigint" -> "10";
            case "timestamptz" -> "2024-01-01 00:00:00+00";
            default -> "m";
        };
    }
}
