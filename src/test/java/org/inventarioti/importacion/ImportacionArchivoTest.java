package org.inventarioti.importacion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.inventarioti.activos.Activo;
import org.inventarioti.activos.ActivoService;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The preview of a spreadsheet import: counts, each cell's problem, secrets never echoed, nothing written. */
@InventarioTest
class ImportacionArchivoTest {

    static final String RECOVERY = "123456-234567-345678-456789-567890-678901-789012-890123";

    @Autowired
    ImportacionArchivo importacion;

    @Autowired
    ActivoService activos;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @TempDir
    Path dir;

    Activo laptop(String serie) {
        return Portatiles.crear(activos, jdbc, json, serie);
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void thePreviewCountsEveryRowNamesEachCellsProblemAndWritesNothing() throws Exception {
        String same = Api.unique("SAME");
        String changed = Api.unique("CHG");
        String nuevo = Api.unique("NEW");
        laptop(same);
        Activo before = laptop(changed);
        String csv = """
                Número de serie;Nombre;Categoría;Marca;Modelo;Estado;Área;Ubicación;Fecha de compra;Precio;Moneda;BitLocker;Responsable;spec.cpu;spec.ram;spec.bitlocker_recovery_key;Notas
                %1$s;Portátil %1$s;laptop;Dell;Latitude;Activo;TI;Sede;01/03/2024;1.250,50;USD;enabled;Ana;i7;16GB;;
                %2$s;Portátil %2$s;LAPTOP;Dell;Latitude;en reparacion;TI;Taller;2024-03-01;1250,5;USD;si;Ana;i7;32GB;;
                %3$s;Nuevo;Láptop;HP;EliteBook;Activo;TI;Sede;15/01/2025;999;EUR;no;Luis;i5;8GB;;
                %3$s;Repetido;Laptop;HP;EliteBook;Activo;TI;Sede;;;;;;i5;8GB;;
                X-%3$s;Sin categoría;Tostadora;HP;;Activo;;;;;;;;;;;
                Y-%3$s;Secreto;Laptop;HP;;Activo;;;;;;;;i5;8GB;%4$s;
                Z-%3$s;Nota;Laptop;HP;;Activo;;;31/02/2024;mil;;;;i5;8GB;;clave %4$s
                W-%3$s;Sin RAM;Laptop;HP;;Activo;;;;;;;;i5;;;
                """.formatted(same, changed, nuevo, RECOVERY);
        Path file = Hojas.csv(dir, "activos.csv", StandardCharsets.UTF_8, true, csv);
        long activosBefore = count("activos");
        long auditBefore = count("auditoria");
        long runsBefore = count("importaciones");

        ResultadoArchivo r = importacion.previsualizar(file, "activos.csv", OpcionesArchivo.previa());

        assertThat(r.simulacion()).isTrue();
        assertThat(r.escrito()).isFalse();
        assertThat(r.formato()).isEqualTo("CSV (UTF-8 with BOM, separator ';')");
        assertThat(r.sha256()).hasSize(64);
        assertThat(List.of(r.filas(), r.creadas(), r.actualizadas(), r.sinCambios(), r.rechazadas()))
                .containsExactly(8L, 1L, 1L, 1L, 5L);
        assertThat(r.cuadra()).isTrue();
        Map<Long, ResultadoArchivo.FilaResultado> rows = new java.util.HashMap<>();
        r.ejemplos().forEach(e -> rows.put(e.fila(), e));
        assertThat(rows.get(3L).resultado()).isEqualTo("actualizar");
        assertThat(rows.get(4L).resultado()).isEqualTo("crear");
        assertThat(rows.get(5L).problemas())
                .singleElement()
                .asString()
                .isEqualTo("Número de serie: duplicate serial number: row 4 of the file has it too");
        assertThat(rows.get(6L).problemas())
                .singleElement()
                .asString()
                .startsWith("Categoría: unknown category \"Tostadora\"");
        assertThat(rows.get(7L).problemas())
                .singleElement()
                .asString()
                .startsWith("spec.bitlocker_recovery_key: names a secret");
        assertThat(rows.get(8L).problemas()).singleElement().asString().startsWith("Notas: looks like a recovery key");
        assertThat(rows.get(9L).problemas())
                .as("the schema's own error, named by the column")
                .anySatisfy(p -> assertThat(p.columna()).isEqualTo("spec.ram"));
        String everything = json.writeValueAsString(r);
        assertThat(everything).doesNotContain(RECOVERY).doesNotContain("345678-456789");
        assertThat(r.motivos()).containsKey("Categoría: unknown category \"…\"");

        assertThat(count("activos")).as("the preview writes nothing").isEqualTo(activosBefore);
        assertThat(count("auditoria")).isEqualTo(auditBefore);
        assertThat(count("importaciones")).isEqualTo(runsBefore);
        assertThat(activos.buscar(before.id()).ubicacion()).isEqualTo("Sede");
    }

    @Test
    void modesAndTheCodigoKey() throws Exception {
        String serie = Api.unique("MODE");
        Activo existing = laptop(serie);
        String csv = "codigo,numero_serie,ubicacion\n" + existing.codigo() + "," + serie + ",Otra\n,"
                + Api.unique("NOPE") + ",Sede\n";
        Path file = Hojas.csv(dir, "modos.csv", StandardCharsets.UTF_8, false, csv);
        ResultadoArchivo update = importacion.previsualizar(
                file,
                "modos.csv",
                new OpcionesArchivo(
                        OpcionesArchivo.Modo.ACTUALIZAR, OpcionesArchivo.Clave.CODIGO, true, Map.of(), true));
        assertThat(List.of(update.actualizadas(), update.rechazadas())).containsExactly(1L, 1L);
        assertThat(update.ejemplos().get(1).problemas())
                .singleElement()
                .asString()
                .contains("is empty: the row cannot be matched");
        ResultadoArchivo create = importacion.previsualizar(
                file,
                "modos.csv",
                new OpcionesArchivo(
                        OpcionesArchivo.Modo.CREAR, OpcionesArchivo.Clave.NUMERO_SERIE, true, Map.of(), true));
        assertThat(create.rechazadas())
                .as("no category column: a new asset needs one; the existing differs")
                .isEqualTo(2L);
        assertThat(create.ejemplos().get(0).problemas())
                .singleElement()
                .asString()
                .contains("already has it and differs");
    }

    @Test
    void aFileOfAnotherApplicationMapsWhatItCanAndAnUnrelatedFileIsRefused() throws Exception {
        String serie = Api.unique("SNIPE");
        String snipe = """
                Asset Tag,Asset Name,Serial,Model,Category,Manufacturer,Status,Location,Purchase Date,Purchase Cost,Currency,Checked Out To,Order Number
                ,Laptop %1$s,%1$s,ThinkPad,Laptop,Lenovo,Deployed,HQ,2023-05-04,"1,299.00",USD,Marta,PO-77
                """.formatted(serie);
        Path file = Hojas.csv(dir, "snipeit.csv", StandardCharsets.UTF_8, false, snipe);
        ResultadoArchivo r = importacion.previsualizar(file, "snipeit.csv", OpcionesArchivo.previa());
        assertThat(r.columnas())
                .filteredOn(c -> c.campo() == null)
                .extracting(Mapeo.Columna::cabecera)
                .containsExactly("Order Number");
        assertThat(r.rechazadas())
                .as("no spec columns: the Laptop schema requires cpu and ram")
                .isEqualTo(1L);
        assertThat(r.ejemplos().get(0).problemas())
                .allSatisfy(p -> assertThat(p.mensaje()).doesNotContain(serie));
        Path bank = Hojas.csv(
                dir, "banco.csv", StandardCharsets.UTF_8, false, "Fecha,Concepto,Importe\n2024-01-01,Café,3\n");
        assertThatThrownBy(() -> importacion.previsualizar(bank, "banco.csv", OpcionesArchivo.previa()))
                .isInstanceOf(ImportacionRechazada.class)
                .hasMessageContaining("no column of this file maps to an asset field");
    }
}
