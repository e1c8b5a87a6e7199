package org.inventarioti.importacion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.inventarioti.activos.Activo;
import org.inventarioti.activos.ActivoService;
import org.inventarioti.errors.ConflictException;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

/** Undoing an import: created rows removed, updated rows restored from the audit trail, refused when changed since. */
@InventarioTest
class DeshacerImportacionTest {

    @Autowired
    ImportacionArchivo importacion;

    @Autowired
    DeshacerImportacion deshacer;

    @Autowired
    ActivoService activos;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @TempDir
    Path dir;

    Activo laptop(String serie) {
        return Portatiles.crear(activos, jdbc, json, serie);
    }

    record Run(UUID id, Activo updated, String created) {}

    Run importar() throws Exception {
        String existing = Api.unique("UNDO");
        Activo before = laptop(existing);
        String nuevo = Api.unique("UNDONEW");
        String csv = "numero_serie,nombre,categoria,ubicacion,spec.ram,spec.cpu\n" + existing
                + ",Renombrado,Laptop,Taller,32GB,i7\n" + nuevo + ",Nuevo,Laptop,Sede,8GB,i5\n";
        Path file = Hojas.csv(dir, "undo.csv", StandardCharsets.UTF_8, false, csv);
        UUID id = UUID.randomUUID();
        ResultadoArchivo r = importacion.ejecutar(
                id, file, "undo.csv", OpcionesArchivo.previa().real(), ImportacionArchivo.Progreso.NADA, null);
        assertThat(List.of(r.creadas(), r.actualizadas()))
                .as(r.ejemplos().toString())
                .containsExactly(1L, 1L);
        return new Run(id, before, nuevo);
    }

    @Test
    void undoRemovesTheCreatedAndRestoresTheUpdatedFromTheAuditTrail() throws Exception {
        Run run = importar();
        assertThat(activos.buscar(run.updated().id()).ubicacion()).isEqualTo("Taller");

        DeshacerImportacion.Resultado undone = deshacer.deshacer(run.id());

        assertThat(List.of(undone.eliminadas(), undone.restauradas())).containsExactly(1L, 1L);
        assertThat(activos.porNumerosSerie(List.of(run.created()))).isEmpty();
        Activo restored = activos.buscar(run.updated().id());
        assertThat(restored.ubicacion()).isEqualTo("Sede");
        assertThat(restored.nombre()).isEqualTo(run.updated().nombre());
        assertThat(restored.especificaciones()).isEqualTo(run.updated().especificaciones());
        assertThat(FilaActivo.igual(ActivoService.comoRequest(run.updated()), restored))
                .isTrue();
        assertThat(jdbc.sql("SELECT estado FROM importaciones WHERE id = ?")
                        .param(run.id())
                        .query(String.class)
                        .single())
                .isEqualTo("deshecha");
        assertThat(jdbc.sql("SELECT count(*) FROM auditoria WHERE accion = 'importacion_deshecha' AND entidad_id = ?")
                        .param(run.id().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThatThrownBy(() -> deshacer.deshacer(run.id()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("is deshecha");
    }

    @Test
    void undoIsRefusedWhenARowChangedSinceAndWhenThePeriodIsOver() throws Exception {
        Run run = importar();
        Activo current = activos.buscar(run.updated().id());
        activos.modificar(
                current.id(),
                json.createObjectNode().put("area", "Otra"),
                org.inventarioti.errors.Versions.etag(current.version()));
        assertThatThrownBy(() -> deshacer.deshacer(run.id()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("changed since the import: " + current.codigo());
        assertThat(activos.porNumerosSerie(List.of(run.created())))
                .as("nothing was changed")
                .hasSize(1);

        Run old = importar();
        jdbc.sql("UPDATE importaciones SET terminada_en = now() - interval '30 days' WHERE id = ?")
                .param(old.id())
                .update();
        assertThatThrownBy(() -> deshacer.deshacer(old.id()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("period to undo it is over");
    }

    @Test
    void readersMayNotUndoTechniciansMay() throws Exception {
        Run run = importar();
        Api lector = new Api(mvc, users.create(Rol.LECTOR));
        assertThat(Api.status(lector.post("/api/importaciones/" + run.id() + "/deshacer", "{}")))
                .isEqualTo(403);
        Api tecnico = new Api(mvc, users.create(Rol.TECNICO));
        var undone = tecnico.post("/api/importaciones/" + run.id() + "/deshacer", "{}");
        assertThat(Api.status(undone)).isEqualTo(200);
        assertThat((Integer) Api.read(undone, "$.eliminadas")).isEqualTo(1);
        assertThat(Api.status(tecnico.post("/api/importaciones/" + run.id() + "/deshacer", "{}")))
                .isEqualTo(409);
        assertThat(Api.status(tecnico.post("/api/importaciones/" + UUID.randomUUID() + "/deshacer", "{}")))
                .isEqualTo(404);
    }
}
