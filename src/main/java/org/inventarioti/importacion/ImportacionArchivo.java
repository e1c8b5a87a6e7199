package org.inventarioti.importacion;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.inventarioti.activos.Activo;
import org.inventarioti.activos.ActivoRequest;
import org.inventarioti.activos.ActivoService;
import org.inventarioti.auditoria.AuditoriaService;
import org.inventarioti.categorias.Categoria;
import org.inventarioti.categorias.CategoriaService;
import org.inventarioti.config.RequestId;
import org.inventarioti.errors.DomainException;
import org.inventarioti.errors.FieldError;
import org.inventarioti.errors.InvalidException;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
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
        String sha256 = sha256(file);
        Path report = null;
        String previous = MDC.get(RequestId.MDC_KEY);
        try (Hoja hoja = Hoja.abrir(file, nombre)) {
            Mapeo mapeo = Mapeo.de(hoja.cabecera(), o.columnas());
            comprobarMapeo(mapeo, o, hoja);
            report = Files.createTempFile("inventario-importacion-", ".csv");
            Pasada pasada = new Pasada(id, hoja, mapeo, o, progreso);
            if (progreso != Progreso.NADA) {
                long[] total = {0};
                hoja.filas(row -> total[0]++);
                pasada.total = total[0];
            }
            if (!o.simulacion()) {
                importaciones.empezar(id, nombre, sha256, hoja.formato(), o, AuditoriaService.currentActor());
                MDC.put(RequestId.MDC_KEY, "importacion:" + id);
            }
            try (Writer out = informeWriter(report)) {
                CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
                List<String> header = new ArrayList<>(hoja.cabecera());
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
                marcarNoEscritas(report, hoja.cabecera().size());
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
                byte[] gz = gzip(report);
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

    private static String causa(Exception e) {
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

    /** UTF-8 with a byte-order mark, so Excel opens the report with its accents. */
    private static Writer informeWriter(Path report) throws IOException {
        Writer out = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(report), StandardCharsets.UTF_8), 64 * 1024);
        out.write('\uFEFF');
        return out;
    }

    /** A run that wrote nothing: the rows that would have been written say so. */
    private static void marcarNoEscritas(Path report, int columns) throws IOException {
        Path rewritten = Files.createTempFile("inventario-importacion-", ".csv");
        try {
            try (var reader = Files.newBufferedReader(report, StandardCharsets.UTF_8);
                    var parser = CSVFormat.RFC4180.parse(reader);
                    Writer out = informeWriter(rewritten)) {
                CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
                boolean header = true;
                for (var record : parser) {
                    List<String> cells = record.toList();
                    if (header) {
                        cells = new ArrayList<>(cells);
                        cells.set(0, cells.get(0).replace("\uFEFF", ""));
                        header = false;
                    } else if (cells.size() > columns
                            && !cells.get(columns).equals("rechazada")
                            && !cells.get(columns).equals("sin_cambios")) {
                        cells = new ArrayList<>(cells);
                        cells.set(columns, "no_escrita_" + cells.get(columns));
                    }
                    printer.printRecord(cells);
                }
                printer.flush();
            }
            Files.move(rewritten, report, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(rewritten);
        }
    }

    private static byte[] gzip(Path file) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            Files.copy(file, gz);
        }
        return bytes.toByteArray();
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new ImportacionRechazada("cannot read the file: " + e.getMessage(), e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Categoria> categoriasPorNombre() {
        Map<String, Categoria> byName = new HashMap<>();
        for (Categoria c : categorias.todas()) {
            byName.put(Valores.clave(c.nombre()), c);
        }
        return byName;
    }

    private static String serie(String text) {
        return text == null ? null : text.strip().toLowerCase(Locale.ROOT);
    }

    /** One pass over the file: rows in blocks, each block matched with one query, written when it is a run. */
    private final class Pasada {
        final UUID id;
        final Hoja hoja;
        final Mapeo mapeo;
        final OpcionesArchivo o;
        final Progreso progreso;
        final FilaActivo lector;
        final Map<String, Long> serialesVistos = new HashMap<>();
        final Map<String, Long> codigosVistos = new HashMap<>();
        final Map<String, Long> motivos = new HashMap<>();
        final List<ResultadoArchivo.FilaResultado> ejemplos = new ArrayList<>();
        final List<String> avisos = new ArrayList<>();
        final List<String[]> bloque = new ArrayList<>(BLOQUE);
        CSVPrinter printer;
        long total;
        long filas;
        long creadas;
        long actualizadas;
        long sinCambios;
        long rechazadas;
        boolean condenada;
        boolean codigoIgnorado;

        Pasada(UUID id, Hoja hoja, Mapeo mapeo, OpcionesArchivo o, Progreso progreso) {
            this.id = id;
            this.hoja = hoja;
            this.mapeo = mapeo;
            this.o = o;
            this.progreso = progreso;
            this.lector = new FilaActivo(mapeo, categoriasPorNombre(), json);
        }

        void recorrer() {
            try {
                hoja.filas(row -> {
                    bloque.add(row);
                    if (bloque.size() == BLOQUE) {
                        bloque();
                    }
                });
                if (!bloque.isEmpty()) {
                    bloque();
                }
            } catch (ImportacionRechazada e) {
                throw e;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (Exception e) {
                if (e instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e);
            }
        }

        private final class Fila {
            final long numero;
            final String[] celdas;
            String accion;
            String clave;
            Activo existente;
            ActivoRequest request;
            final List<FilaActivo.Problema> problemas = new ArrayList<>();
            boolean[] secretas;

            Fila(long numero, String[] celdas) {
                this.numero = numero;
                this.celdas = celdas;
            }

            void problema(String columna, String mensaje) {
                problemas.add(new FilaActivo.Problema(columna, mensaje));
            }
        }

        private void bloque() throws IOException {
            List<Fila> rows = new ArrayList<>(bloque.size());
            for (String[] cells : bloque) {
                rows.add(new Fila(++filas + 1, cells));
            }
            bloque.clear();
            Map<String, Activo> porSerie = new HashMap<>();
            Map<String, Activo> porCodigo = new HashMap<>();
            List<String> series = new ArrayList<>();
            List<String> codigos = new ArrayList<>();
            for (Fila f : rows) {
                String serial = Valores.texto(lector.valor(f.celdas, "numero_serie"));
                String codigo = Valores.texto(lector.valor(f.celdas, "codigo"));
                if (serial != null) {
                    series.add(serial);
                }
                if (codigo != null) {
                    codigos.add(codigo);
                }
            }
            activos.porNumerosSerie(series).forEach(a -> porSerie.put(serie(a.numeroSerie()), a));
            if (o.clave() == OpcionesArchivo.Clave.CODIGO && !codigos.isEmpty()) {
                activos.porCodigos(codigos).forEach(a -> porCodigo.put(a.codigo(), a));
            }
            List<Fila> escribir = new ArrayList<>();
            for (Fila f : rows) {
                clasificar(f, porSerie, porCodigo);
                if (f.problemas.isEmpty() && !o.simulacion() && !f.accion.equals("sin_cambios")) {
                    escribir.add(f);
                }
            }
            if (!escribir.isEmpty()) {
                escribir(escribir);
            }
            for (Fila f : rows) {
                terminar(f);
            }
            progreso.avance(filas, total);
        }

        private void clasificar(Fila f, Map<String, Activo> porSerie, Map<String, Activo> porCodigo) {
            String serial = Valores.texto(lector.valor(f.celdas, "numero_serie"));
            String codigo = Valores.texto(lector.valor(f.celdas, "codigo"));
            boolean porCodigoClave = o.clave() == OpcionesArchivo.Clave.CODIGO;
            f.clave = porCodigoClave ? codigo : serial;
            Activo existente = null;
            if (porCodigoClave) {
                existente = codigo == null ? null : porCodigo.get(codigo);
            } else if (serial != null) {
                existente = porSerie.get(serie(serial));
            }
            if (serial != null) {
                Long before = serialesVistos.putIfAbsent(serie(serial), f.numero);
                if (before != null) {
                    f.problema(
                            mapeo.cabeceraDe("numero_serie"),
                            "duplicate serial number: row " + before + " of the file has it too");
                }
            }
            if (codigo != null && porCodigoClave) {
                Long before = codigosVistos.putIfAbsent(codigo, f.numero);
                if (before != null) {
                    f.problema(mapeo.cabeceraDe("codigo"), "duplicate code: row " + before + " of the file has it too");
                }
            }
            if (existente == null) {
                if (o.modo() == OpcionesArchivo.Modo.ACTUALIZAR) {
                    f.problema(
                            porCodigoClave ? mapeo.cabeceraDe("codigo") : mapeo.cabeceraDe("numero_serie"),
                            f.clave == null
                                    ? "is empty: the row cannot be matched"
                                    : "no asset has this " + o.clave().nombre() + " (update mode creates nothing)");
                } else if (porCodigoClave && codigo != null) {
                    f.problema(
                            mapeo.cabeceraDe("codigo"),
                            "no asset has this code (a new asset's code is generated:"
                                    + " leave it empty to create one)");
                }
                f.accion = "crear";
            } else {
                f.accion = "actualizar";
                f.existente = existente;
            }
            if (f.accion.equals("crear") && codigo != null && !porCodigoClave && !codigoIgnorado) {
                codigoIgnorado = true;
                avisos.add("a new asset's codigo is generated: the codes of the rows to create are not used");
            }
            if (!f.problemas.isEmpty()) {
                return;
            }
            FilaActivo.Lectura lectura = lector.leer(f.celdas, f.existente);
            f.secretas = lectura.secretas();
            f.problemas.addAll(lectura.problemas());
            if (lectura.request() == null) {
                return;
            }
            ActivoRequest request = lectura.request();
            if (f.existente != null && FilaActivo.igual(request, f.existente)) {
                f.accion = "sin_cambios";
                return;
            }
            if (f.existente != null && o.modo() == OpcionesArchivo.Modo.CREAR) {
                f.problema(
                        porCodigoClave ? mapeo.cabeceraDe("codigo") : mapeo.cabeceraDe("numero_serie"),
                        "asset " + f.existente.codigo() + " already has it and differs (create mode updates nothing)");
                return;
            }
            if (porCodigoClave && request.numeroSerie() != null) {
                Activo other = porSerie.get(serie(request.numeroSerie()));
                if (other != null && (f.existente == null || other.id() != f.existente.id())) {
                    f.problema(
                            mapeo.cabeceraDe("numero_serie"),
                            "duplicate serial number: asset " + other.codigo() + " already has it");
                    return;
                }
            }
            for (FieldError e : activos.validar(request, f.existente)) {
                String field = e.field() == null ? "" : e.field();
                String columna = field.startsWith("especificaciones.")
                                && mapeo.tiene(Mapeo.SPEC + field.substring("especificaciones.".length()))
                        ? mapeo.cabeceraDe(Mapeo.SPEC + field.substring("especificaciones.".length()))
                        : mapeo.cabeceraDe(field.isEmpty() ? "fila" : field);
                f.problema(columna, e.message());
            }
            f.request = request;
        }

        /** The block's valid rows; skipping errors, a block that fails is redone row by row. */
        private void escribir(List<Fila> rows) {
            if (o.todoONada()) {
                if (condenada) {
                    return;
                }
                for (Fila f : rows) {
                    try {
                        guardar(f);
                    } catch (DomainException | org.springframework.dao.DataAccessException e) {
                        f.problema("fila", mensaje(e));
                        condenada = true;
                        return;
                    }
                }
                return;
            }
            try {
                tx.executeWithoutResult(status -> rows.forEach(this::guardar));
            } catch (DomainException | org.springframework.dao.DataAccessException e) {
                for (Fila f : rows) {
                    try {
                        tx.executeWithoutResult(status -> guardar(f));
                    } catch (DomainException | org.springframework.dao.DataAccessException one) {
                        f.problema("fila", mensaje(one));
                    }
                }
            }
        }

        private void guardar(Fila f) {
            Activo saved = f.existente == null
                    ? activos.crear(f.request)
                    : activos.reemplazar(f.existente.id(), f.request, null);
            importaciones.tocado(id, saved.id(), f.existente == null ? "crear" : "actualizar", saved.version());
        }

        private String mensaje(Exception e) {
            if (e instanceof InvalidException invalid) {
                return String.join(
                        "; ",
                        invalid.errors().stream()
                                .map(x -> x.field() + ": " + x.message())
                                .toList());
            }
            return causa(e);
        }

        private void terminar(Fila f) throws IOException {
            String resultado;
            if (!f.problemas.isEmpty()) {
                resultado = "rechazada";
                rechazadas++;
                for (FilaActivo.Problema p : f.problemas) {
                    motivos.merge(p.columna() + ": " + generico(p.mensaje()), 1L, Long::sum);
                }
            } else {
                resultado = f.accion;
                switch (f.accion) {
                    case "crear" -> creadas++;
                    case "actualizar" -> actualizadas++;
                    default -> sinCambios++;
                }
            }
            if (!resultado.equals("sin_cambios") && ejemplos.size() < EJEMPLOS) {
                ejemplos.add(
                        new ResultadoArchivo.FilaResultado(f.numero, resultado, f.clave, List.copyOf(f.problemas)));
            }
            List<String> cells = new ArrayList<>(f.celdas.length + 2);
            for (int i = 0; i < f.celdas.length; i++) {
                cells.add(f.secretas != null && f.secretas[i] ? Secretos.RETIRADO : f.celdas[i]);
            }
            cells.add(resultado);
            cells.add(
                    String.join("; ", f.problemas.stream().map(Object::toString).toList()));
            printer.printRecord(cells);
        }
    }

    /** A problem without the row's own values, so that the reasons group (row numbers and quotes dropped). */
    static String generico(String mensaje) {
        // The list of categories goes first: a category's name may hold quotes or parentheses.
        return mensaje.replaceAll("(?s)\\s*\\(categories: .*\\)$", "")
                .replaceAll("\"[^\"]*\"", "\"…\"")
                .replaceAll("row \\d+", "row …")
                .replaceAll("asset \\S+ already", "an asset already")
                .strip();
    }
}
