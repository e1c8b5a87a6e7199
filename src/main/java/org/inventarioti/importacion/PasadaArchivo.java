package org.inventarioti.importacion;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVPrinter;
import org.inventarioti.activos.Activo;
import org.inventarioti.activos.ActivoRequest;
import org.inventarioti.activos.ActivoService;
import org.inventarioti.errors.DomainException;
import org.inventarioti.errors.FieldError;
import org.inventarioti.errors.InvalidException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One pass over a spreadsheet of assets: rows in blocks, each block matched with one query against
 * the database and checked against the file's duplicates, validated by {@link ActivoService}, and
 * written when it is a run; every row's result goes to the per-row report.
 */
final class PasadaArchivo {

    private final ActivoService activos;
    private final Importaciones importaciones;
    private final TransactionTemplate tx;
    private final TransactionTemplate anidada;
    final UUID id;
    final Hoja hoja;
    final Mapeo mapeo;
    final OpcionesArchivo o;
    final ImportacionArchivo.Progreso progreso;
    final FilaActivo lector;
    final Map<String, Long> serialesVistos = new HashMap<>();
    final Map<String, Long> codigosVistos = new HashMap<>();
    final Map<String, Long> motivos = new HashMap<>();
    final List<ResultadoArchivo.FilaResultado> ejemplos = new ArrayList<>();
    final List<String> avisos = new ArrayList<>();
    final List<String[]> bloque = new ArrayList<>(ImportacionArchivo.BLOQUE);
    CSVPrinter printer;
    long total;
    long filas;
    long creadas;
    long actualizadas;
    long sinCambios;
    long rechazadas;
    boolean condenada;
    boolean codigoIgnorado;

    PasadaArchivo(
            ActivoService activos,
            Importaciones importaciones,
            TransactionTemplate tx,
            TransactionTemplate anidada,
            UUID id,
            Hoja hoja,
            Mapeo mapeo,
            OpcionesArchivo o,
            ImportacionArchivo.Progreso progreso,
            FilaActivo lector) {
        this.activos = activos;
        this.importaciones = importaciones;
        this.tx = tx;
        this.anidada = anidada;
        this.id = id;
        this.hoja = hoja;
        this.mapeo = mapeo;
        this.o = o;
        this.progreso = progreso;
        this.lector = lector;
    }

    void recorrer() {
        try {
            hoja.filas(row -> {
                bloque.add(row);
                if (bloque.size() == ImportacionArchivo.BLOQUE) {
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
        List<Fila> validar = new ArrayList<>();
        for (Fila f : rows) {
            clasificar(f, porSerie, porCodigo);
            if (f.problemas.isEmpty() && f.request != null) {
                validar.add(f);
            } else if (!f.problemas.isEmpty() && o.todoONada()) {
                condenada = true;
            }
        }
        if (!validar.isEmpty()) {
            validarYEscribir(validar);
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
                        "no asset has this code (a new asset's code is generated:" + " leave it empty to create one)");
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
        f.request = request;
    }

    /** A field error of the asset's rules, named by the file's column that holds the field. */
    private void problema(Fila f, FieldError e) {
        String field = e.field() == null ? "" : e.field();
        String columna = field.startsWith("especificaciones.")
                        && mapeo.tiene(Mapeo.SPEC + field.substring("especificaciones.".length()))
                ? mapeo.cabeceraDe(Mapeo.SPEC + field.substring("especificaciones.".length()))
                : mapeo.cabeceraDe(field.isEmpty() ? "fila" : field);
        f.problema(columna, e.message());
    }

    /**
     * The block's rows through the asset rules of {@link ActivoService#guardarVarios}, written in
     * one batch when it is a run (all-or-nothing: in a savepoint of the run's transaction; skipping
     * errors: in a transaction of its own). A batch the database refuses is redone row by row, so
     * that the report names the rows at fault.
     */
    private void validarYEscribir(List<Fila> rows) {
        if (o.simulacion() || condenada) {
            aplicar(rows, activos.guardarVarios(escrituras(rows), false));
            return;
        }
        TransactionTemplate plantilla = o.todoONada() ? anidada : tx;
        try {
            aplicar(rows, plantilla.execute(status -> guardar(rows)));
        } catch (DomainException | org.springframework.dao.DataAccessException e) {
            for (Fila f : rows) {
                try {
                    aplicar(List.of(f), plantilla.execute(status -> guardar(List.of(f))));
                } catch (DomainException | org.springframework.dao.DataAccessException one) {
                    f.problema("fila", mensaje(one));
                }
            }
        }
        if (o.todoONada() && rows.stream().anyMatch(f -> !f.problemas.isEmpty())) {
            condenada = true;
        }
    }

    private static List<ActivoService.Escritura> escrituras(List<Fila> rows) {
        return rows.stream()
                .map(f -> new ActivoService.Escritura(f.request, f.existente))
                .toList();
    }

    private List<ActivoService.Escrito> guardar(List<Fila> rows) {
        List<ActivoService.Escrito> escritos = activos.guardarVarios(escrituras(rows), true);
        List<Importaciones.Tocado> tocados = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Activo saved = escritos.get(i).activo();
            if (saved != null) {
                tocados.add(new Importaciones.Tocado(
                        saved.id(), rows.get(i).existente == null ? "crear" : "actualizar", saved.version()));
            }
        }
        importaciones.tocados(id, tocados);
        return escritos;
    }

    private void aplicar(List<Fila> rows, List<ActivoService.Escrito> escritos) {
        for (int i = 0; i < rows.size(); i++) {
            for (FieldError e : escritos.get(i).errores()) {
                problema(rows.get(i), e);
            }
        }
    }

    private String mensaje(Exception e) {
        if (e instanceof InvalidException invalid) {
            return String.join(
                    "; ",
                    invalid.errors().stream()
                            .map(x -> x.field() + ": " + x.message())
                            .toList());
        }
        return ImportacionArchivo.causa(e);
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
        if (!resultado.equals("sin_cambios") && ejemplos.size() < ImportacionArchivo.EJEMPLOS) {
            ejemplos.add(new ResultadoArchivo.FilaResultado(f.numero, resultado, f.clave, List.copyOf(f.problemas)));
        }
        List<String> cells = new ArrayList<>(f.celdas.length + 2);
        for (int i = 0; i < f.celdas.length; i++) {
            cells.add(f.secretas != null && f.secretas[i] ? Secretos.RETIRADO : InformeArchivo.celda(f.celdas[i]));
        }
        cells.add(resultado);
        cells.add(InformeArchivo.celda(
                String.join("; ", f.problemas.stream().map(Object::toString).toList())));
        printer.printRecord(cells);
    }

    private static String serie(String text) {
        return text == null ? null : text.strip().toLowerCase(Locale.ROOT);
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
