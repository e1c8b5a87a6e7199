package org.inventarioti.ops.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.inventarioti.support.CatalogDump;
import org.inventarioti.support.releases.ProductionHost;

/**
 * Schema and history (CatalogDump), row counts of every archived table (the audit trail's
 * sign-ins apart), the assets' content, the release tree but journals and backups.
 */
record Snapshot(String catalog, Map<String, Long> rows, String activos, String tree) {

    static Snapshot of(Connection db, ProductionHost host) throws Exception {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (var table : org.inventarioti.ops.archive.Catalog.archivedTables(db, "public")) {
            // The smokes sign in, and a sign-in is audited: those rows are the smoke's, not data.
            String logins = table.name().equals("auditoria") ? " WHERE accion <> 'login'" : "";
            rows.put(table.name(), EmailProcedureIT.count(db, "SELECT count(*) FROM " + table.name() + logins));
        }
        String activos;
        try (var rs = db.createStatement()
                .executeQuery("SELECT md5(string_agg(to_jsonb(a)::text, ',' ORDER BY id)) FROM activos a")) {
            rs.next();
            activos = rs.getString(1);
        }
        return new Snapshot(
                CatalogDump.of(db),
                rows,
                activos,
                // what each path is (a link's target, a file's size); the launcher is rewritten with the same text
                host.tree().replaceAll("(?m)^(journal|backups).*\n?", "").replaceAll("(?m) [0-9T:.-]+Z$", ""));
    }

    /** {@code installed}: a release the run installed and left in releases/ (not current) for investigation. */
    void assertUnchanged(Connection db, ProductionHost host, String after, String... installed) throws Exception {
        Snapshot now = of(db, host);
        String nowTree = now.tree;
        for (String release : installed) {
            nowTree = nowTree.replaceAll("(?m)^releases/" + java.util.regex.Pattern.quote(release) + "/.*\n?", "");
        }
        assertThat(now.catalog).as(after + ": schema and flyway_schema_history").isEqualTo(catalog);
        assertThat(now.rows).as(after + ": row counts").isEqualTo(rows);
        assertThat(now.activos).as(after + ": assets").isEqualTo(activos);
        assertThat(nowTree.strip()).as(after + ": releases and links").isEqualTo(tree.strip());
        assertThat(EmailProcedureIT.count(db, "SELECT count(*) FROM ops_modo_mantenimiento"))
                .as(after + ": maintenance off")
                .isZero();
    }
}
