package org.inventarioti.auditoria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.inventarioti.support.InventarioTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@InventarioTest
class AuditoriaTriggerTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditoriaService auditoria;

    long id;

    @BeforeEach
    void oneRow() {
        auditoria.evento("prueba", "test", 1, "tester@test.local", java.util.Map.of("k", "v"));
        id = jdbc.sql("SELECT max(id) FROM auditoria").query(Long.class).single();
    }

    @Test
    void rowsCannotBeUpdated() {
        assertThatThrownBy(() -> jdbc.sql("UPDATE auditoria SET accion = 'x' WHERE id = ?")
                        .param(id)
                        .update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT accion FROM auditoria WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("prueba");
    }

    @Test
    void rowsCannotBeDeletedOrTruncated() {
        assertThatThrownBy(() ->
                        jdbc.sql("DELETE FROM auditoria WHERE id = ?").param(id).update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE auditoria").update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT count(*) FROM auditoria WHERE id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
