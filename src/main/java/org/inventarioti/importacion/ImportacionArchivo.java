package org.inventarioti.importacion;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.inventarioti.activos.ActivoService;
import org.inventarioti.auditoria.AuditoriaService;
import org.inventarioti.categorias.Categoria;
import org.inventarioti.categorias.CategoriaService;
import org.inventarioti.config.RequestId;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assets from a spreadsheet (CSV or XLSX): the same engine for the preview and the run, as for
 * the legacy import — the preview is the run with the writes left out. The file is read as an
 * {@link Origen} ({@link Hoja}), its columns mapped ({@link Mapeo}), every row read
 * ({@link FilaActivo}), matched by the key against the database in blocks, checked against the
 * duplicates of the file, and validated by {@link ActivoService} itself; the run writes through
 * the same service (so every row is audited as any change is), records what it touched for the
 * undo, writes one import event with the file's name and SHA-256, and keeps the per-row report:
 * the file itself with a result and a problems column.
 */
@Service
public class ImportacionArchivo {

    static final String TABLA = "activos";
    static final int BLOQUE = 500;
    static final int EJEMPLOS = 100;
    static final String ENTIDAD = "importacion";

    /** The run's progress: rows done of the total (the total is 0 until the file was counted). */
    public interface Progreso {
        void avance(long hechas, long total);

        Progreso NADA = (hechas, total) -> {};
    }

    private final ActivoService activos;
    private final CategoriaService categorias;
    private final AuditoriaService auditoria;
    private final Importaciones importaciones;
    private final TransactionTemplate tx;
    private final TransactionTemplate anidada;
    private final TransactionTemplate lectura;
    private final JsonMapper json;

    ImportacionArchivo(
            ActivoService activos,
            CategoriaService categorias,
            AuditoriaService auditoria,
            Importaciones importaciones,
            PlatformTransactionManager transactions,
            JsonMapper json) {
        this.activos = activos;
        this.categorias = categorias;
        this.auditoria = auditoria;
        this.importaciones = importaciones;
        this.tx = new TransactionTemplate(transactions);
        this.anidada = new TransactionTemplate(transactions);
        this.anidada.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.lectura = new TransactionTemplate(transactions);
        this.lectura.setReadOnly(true);
        this.json = json;
    }

    /** The preview: the whole file read, matched and validated, nothing written. */
    public ResultadoArchivo previsualizar(Path file, String nombre, OpcionesArchivo opciones) {
        return procesar(
                UUID.randomUUID(),
                file,
                nombre,
                opciones.simulacion() ? opciones : opcionesPrevias(opciones),
                Progreso.NADA,
                null);
    }

    private static OpcionesArchivo opcionesPrevias(OpcionesArchivo o) {
        return new OpcionesArchivo(o.modo(), o.clave(), o.todoONada(), o.columnas(), true);
    }

    /**
     * The run (or the preview when {@code opciones.simulacion()}), recorded under {@code id} with
     * its per-row report; {@code informe} receives the report's CSV when not null.
     */
    public ResultadoArchivo ejecutar(
            UUID id, Path file, String nombre, OpcionesArchivo opciones, Progreso progreso, Path informe) {
        return procesar(id, file, nombre, opciones, progreso, informe);
    }

    /** Opens the file and maps its columns: refuses at once what the run would refuse before its first row. */
    public void comprobar(Path file, String nombre, OpcionesArchivo opciones) {
        try (Hoja hoja = Hoja.abrir(file, nombre)) {
            comprobarMapeo(Mapeo.de(hoja.cabecera(), opciones.columnas()), opciones, hoja);
        }
    }

    private ResultadoArchivo procesar(
            UUID id, Path file, String nombre, OpcionesArchivo o, Progreso progreso, Path informe) {
        long started = System.nanoTime();
        String sha256 = InformeArchivo.sha256(file);
        Path report = null;
        String previous = MDC.get(RequestId.MDC_KEY);
        try (Hoja hoja = Hoja.abrir(file, nombre)) {
            Mapeo mapeo = Mapeo.de(hoja.cabecera(), o.columnas());
            comprobarMapeo(mapeo, o, hoja);
            report = Files.createTempFile("inventario-importacion-", ".csv");
            PasadaArchivo pasada = new PasadaArchivo(
                    activos,
                    importaciones,
                    tx,
                    anidada,
                    id,
                    hoja,
                    mapeo,
                    o,
                    progreso,
                    new FilaActivo(mapeo, categoriasPorNombre(), json));
            if (progreso != Progreso.NADA) {
                long[] total = {0};
                hoja.filas(row -> total[0]++);
                pasada.total = total[0];
            }
            if (!o.simulacion()) {
                importaciones.empezar(id, nombre, sha256, hoja.formato(), o, AuditoriaService.currentActor());
                MDC.put(RequestId.MDC_KEY, "importacion:" + id);
            }
            try (Writer out = InformeArchivo.writer(report)) {
                CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
                List<String> header = new ArrayList<>(
                        hoja.cabecera().stream().map(InformeArchivo::celda).toList());
                header.add("resultado_importacion");
                header.add("problemas_importacion");
                printer.printRecord(header);
                pasada.printer = printer;
                if (o.simulacion()) {
                    lectura.executeWithoutResult(status -> pasada.recorrer());
                } else if (o.todoONada()) {
                    tx.executeWithoutResult(status -> {
                        pasada.recorrer();
                        if (pasada.rechazadas > 0) {
                            status.setRollbackOnly();
                        }
                    });
                } else {
                    pasada.recorrer();
                }
                printer.flush();
            }
            boolean escrito = !o.simulacion() && (!o.todoONada() || pasada.rechazadas == 0);
            if (!escrito) {
                InformeArchivo.marcarNoEscritas(report, hoja.cabecera().size());
            }
            String estado = o.simulacion() ? "simulacion" : escrito ? "completada" : "rechazada";
            String mensaje = o.simulacion()
                    ? "preview: nothing was written"
                    : escrito
                            ? pasada.creadas + " created, " + pasada.actualizadas + " updated, " + pasada.sinCambios
                                    + " unchanged, " + pasada.rechazadas + " refused"
                            : pasada.rechazadas + " row(s) refused and the import is all-or-nothing: nothing was"
                                    + " written (fix them, or skip the rows in error)";
            List<String> avisos = new ArrayList<>(hoja.avisos());
            avisos.addAll(pasada.avisos);
            ResultadoArchivo resultado = new ResultadoArchivo(
                    id.toString(),
                    nombre,
                    hoja.formato(),
                    sha256,
                    o.simulacion(),
                    o.modo().nombre(),
                    o.clave().nombre(),
                    o.todoONada(),
                    estado,
                    mensaje,
                    escrito,
                    pasada.filas,
                    escrito || o.simulacion() ? pasada.creadas : 0,
                    escrito || o.simulacion() ? pasada.actualizadas : 0,
                    pasada.sinCambios,
                    pasada.rechazadas,
                    mapeo.columnas(),
                    new TreeMap<>(pasada.motivos),
                    List.copyOf(avisos),
                    List.copyOf(pasada.ejemplos),
                    (System.nanoTime() - started) / 1e9);
            if (!o.simulacion()) {
                byte[] gz = InformeArchivo.gzip(report);
                tx.executeWithoutResult(status -> {
                    importaciones.terminar(id, resultado, json.writeValueAsString(resultado), gz);
                    auditoria.evento(ENTIDAD + "_" + estado, ENTIDAD, id, null, evento(resultado));
                });
            }
            if (informe != null) {
                Files.copy(report, informe, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return resultado;
        } catch (ImportacionRechazada e) {
            if (!o.simulacion()) {
                importaciones.buscar(id).ifPresent(run -> importaciones.fallida(id, e.getMessage()));
            }
            throw e;
        } catch (IOException | RuntimeException e) {
            if (!o.simulacion()) {
                importaciones.buscar(id).ifPresent(run -> importaciones.fallida(id, causa(e)));
            }
            if (e instanceof RuntimeException runtime && !(e instanceof java.io.UncheckedIOException)) {
                throw runtime;
            }
            throw new ImportacionRechazada("the import failed, nothing more was written: " + causa(e), e);
        } catch (Exception e) {
            throw new ImportacionRechazada("the import failed: " + causa(e), e);
        } finally {
            if (previous == null) {
                MDC.remove(RequestId.MDC_KEY);
            } else {
                MDC.put(RequestId.MDC_KEY, previous);
            }
            if (report != null) {
                try {
                    Files.deleteIfExists(report);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }

    private static Map<String, Object> evento(ResultadoArchivo r) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("archivo", r.archivo());
        details.put("sha256", r.sha256());
        details.put("formato", r.formato());
        details.put("modo", r.modo());
        details.put("clave", r.clave());
        details.put("todo_o_nada", r.todoONada());
        details.put("filas", r.filas());
        details.put("creadas", r.creadas());
        details.put("actualizadas", r.actualizadas());
        details.put("sin_cambios", r.sinCambios());
        details.put("rechazadas", r.rechazadas());
        return details;
    }

    static String causa(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static void comprobarMapeo(Mapeo mapeo, OpcionesArchivo o, Hoja hoja) {
        if (mapeo.columnas().stream().noneMatch(c -> c.campo() != null)) {
            throw new ImportacionRechazada("no column of this file maps to an asset field (is it a list of assets?);"
                    + " its columns: " + String.join(", ", hoja.cabecera())
                    + ". Map the columns yourself, or use our export's headers");
        }
        if (o.clave() == OpcionesArchivo.Clave.NUMERO_SERIE && !mapeo.tiene("numero_serie")) {
            throw new ImportacionRechazada(
                    "the match key is numero_serie but no column of the file holds the serial number");
        }
        if (o.clave() == OpcionesArchivo.Clave.CODIGO
                && o.modo() != OpcionesArchivo.Modo.CREAR
                && !mapeo.tiene("codigo")) {
            throw new ImportacionRechazada("the match key is codigo but no column of the file holds the asset code");
        }
    }

    private Map<String, Categoria> categoriasPorNombre() {
        Map<String, Categoria> byName = new HashMap<>();
        for (Categoria c : categorias.todas()) {
            byName.put(Valores.clave(c.nombre()), c);
        }
        return byName;
    }
}
