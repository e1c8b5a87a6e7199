package org.inventarioti;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The features' boundaries: each feature's SQL names only the tables it owns, and a feature uses
 * of another only the types that feature offers (its public API). The few cross-feature reads
 * that stay are listed here with the reason they stay. {@code reportes} is the read model: it may
 * read every feature's tables and writes none. Shared packages ({@code web}, {@code listing},
 * {@code errors}, {@code config}) and the tools that work on the whole database ({@code ops},
 * {@code demo}) are not features.
 */
class FeatureBoundariesTest {

    static final Path SOURCES = Path.of("src/main/java/org/inventarioti");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** The tables each feature owns: only its SQL writes them, and only it reads them (but see below). */
    static final Map<String, Set<String>> TABLES = Map.ofEntries(
            Map.entry("activos", Set.of("activos", "ops_activos_version", "busquedas_guardadas")),
            Map.entry("categorias", Set.of("categorias")),
            Map.entry("mantenimientos", Set.of("mantenimientos")),
            Map.entry("usuarios", Set.of("usuarios", "ops_sesiones_web", "ops_sesiones_web_attributes")),
            Map.entry("auditoria", Set.of("auditoria")),
            Map.entry("cuarentena", Set.of("especificaciones_cuarentena")),
            Map.entry("reportes", Set.of()),
            Map.entry("etiquetas", Set.of()),
            Map.entry("jobs", Set.of("ops_jobs_cerrojos", "ops_jobs_ejecuciones")),
            Map.entry("planes", Set.of("planes")),
            Map.entry("personas", Set.of("personas", "custodia_pendientes")),
            Map.entry("ubicaciones", Set.of("ubicaciones")),
            Map.entry("asignaciones", Set.of("asignaciones", "actas")),
            Map.entry("notificaciones", Set.of("ops_notificaciones", "ops_webhooks", "notificaciones_preferencias")));

    /** Tables of the tools (ops: maintenance mode, verified backups; the spreadsheet imports), which no feature touches. */
    static final Set<String> TOOL_TABLES = Set.of(
            "ops_backup_verificaciones",
            "ops_modo_mantenimiento",
            "importaciones",
            "importacion_activos",
            "importacion_mapeos");

    /** The read model: reads the tables of every feature, writes none. */
    static final String READ_MODEL = "reportes";

    /** Reads of another feature's table that stay, each for its reason (feature → table). */
    static final Map<String, Map<String, String>> JOINS = Map.of(
            "asignaciones",
            Map.of(
                    "activos",
                    "custody lists show the asset's codigo, nombre and serial, and a person's current assets are"
                            + " those whose persona_id names them (joined, as above)",
                    "personas",
                    "check-out lists and the overdue list show the person's name and e-mail (joined, as above)"),
            "activos",
            Map.of(
                    "categorias",
                    "every asset read joins its category's name: lists of 100k assets sort and filter in one"
                            + " query, not one call per row"),
            "mantenimientos",
            Map.of(
                    "activos", "maintenance lists show the asset's codigo (joined, as above)",
                    "usuarios", "maintenance lists show the technician's name (joined, as above)"),
            "cuarentena",
            Map.of("activos", "the quarantine list shows the asset's codigo"),
            "auditoria",
            Map.of(
                    "usuarios",
                    "the actor's id is looked up inside the append-only INSERT; asking usuarios would be a cycle"
                            + " (usuarios audits its events)"));

    /** The types of each feature that other features may use. */
    static final Map<String, Set<String>> API = Map.ofEntries(
            Map.entry("activos", Set.of("Activo", "ActivoService", "MantenimientosDeActivo", "GarantiasPorVencer")),
            Map.entry(
                    "categorias",
                    Set.of("Categoria", "CategoriaService", "ActivosDeCategoria", "ClavesEspecificacion")),
            Map.entry(
                    "mantenimientos",
                    Set.of("MantenimientosDePlan", "MantenimientoCompletado", "MantenimientosPorAvisar")),
            Map.entry("usuarios", Set.of("UsuarioService", "UsuarioView", "Rol")),
            Map.entry("auditoria", Set.of("AuditoriaService")),
            Map.entry("cuarentena", Set.of()),
            Map.entry("reportes", Set.of("FiltroReporte")),
            Map.entry("etiquetas", Set.of()),
            Map.entry("jobs", Set.of("Job")),
            Map.entry("planes", Set.of()),
            Map.entry("personas", Set.of("Persona", "PersonaService", "TenenciasDePersona")),
            Map.entry("ubicaciones", Set.of("UbicacionService", "UsosDeUbicacion")),
            Map.entry("asignaciones", Set.of("AsignacionesVencidas")),
            Map.entry("notificaciones", Set.of("NotificacionService")));

    private static final Pattern WRITE =
            Pattern.compile("(?i)\\b(?:insert\\s+into|update|delete\\s+from|truncate|copy)\\s+([a-z_][a-z0-9_]*)");
    private static final Pattern READ = Pattern.compile("(?i)\\b(?:from|join)\\s+([a-z_][a-z0-9_]*)");
    private static final Pattern LITERAL =
            Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void everyTableHasOneOwner() throws IOException {
        Set<String> owned = new TreeSet<>(TOOL_TABLES);
        TABLES.values().forEach(owned::addAll);
        assertThat(owned).isEqualTo(tables());
        assertThat(TABLES.keySet()).containsAll(JOINS.keySet()).containsAll(API.keySet());
    }

    @Test
    void aFeatureSqlNamesOnlyItsOwnTables() throws IOException {
        Set<String> tables = tables();
        List<String> violations = new ArrayList<>();
        int statements = 0;
        for (String feature : TABLES.keySet()) {
            for (Path file : sources(feature)) {
                for (String sql : literals(file)) {
                    statements += READ.matcher(sql).find() || WRITE.matcher(sql).find() ? 1 : 0;
                    violations(feature, sql, tables).forEach(v -> violations.add(v + " in " + file.getFileName()));
                }
            }
        }
        assertThat(statements).as("SQL statements seen").isGreaterThan(40);
        assertThat(violations).isEmpty();
    }

    @Test
    void theScanTellsReadsFromWritesAndKnowsTheExceptions() throws IOException {
        Set<String> tables = tables();
        assertThat(violations("etiquetas", "SELECT codigo FROM activos WHERE codigo = ?", tables))
                .containsExactly("etiquetas reads activos: SELECT codigo FROM activos WHERE codigo = ?");
        assertThat(violations("categorias", "SELECT EXISTS (SELECT 1 FROM activos a WHERE a.categoria_id = ?)", tables))
                .hasSize(1);
        assertThat(violations("reportes", "UPDATE activos SET estado = ?", tables))
                .hasSize(1);
        assertThat(violations("activos", "INSERT INTO categorias (nombre) VALUES (?)", tables))
                .hasSize(1);
        assertThat(violations("reportes", "SELECT 1 FROM activos a JOIN categorias c ON c.id = a.categoria_id", tables))
                .isEmpty();
        assertThat(violations("activos", "SELECT a.id FROM activos a JOIN categorias c ON true", tables))
                .isEmpty();
        assertThat(violations("activos", "SELECT nombre FROM plantillas", tables))
                .isEmpty();
        assertThat(literals(SOURCES.resolve("activos/ActivoRepository.java")))
                .anyMatch(sql -> sql.contains("FROM activos a JOIN categorias c"))
                .anyMatch(sql -> sql.contains("UPDATE activos SET categoria_id = :categoriaId"));
    }

    static List<String> violations(String feature, String sql, Set<String> tables) {
        List<String> violations = new ArrayList<>();
        check(feature, sql, WRITE, true, tables, violations);
        check(feature, sql, READ, false, tables, violations);
        return violations;
    }

    private static void check(
            String feature, String sql, Pattern pattern, boolean write, Set<String> tables, List<String> violations) {
        Matcher m = pattern.matcher(sql);
        while (m.find()) {
            String table = m.group(1).toLowerCase(java.util.Locale.ROOT);
            if (!tables.contains(table) || TABLES.get(feature).contains(table)) {
                continue;
            }
            boolean allowed = !write
                    && (feature.equals(READ_MODEL)
                            || JOINS.getOrDefault(feature, Map.of()).containsKey(table));
            if (!allowed) {
                violations.add(feature + (write ? " writes " : " reads ") + table + ": "
                        + sql.strip().lines().findFirst().orElse(""));
            }
        }
    }

    @Test
    void aFeatureUsesOnlyTheApiOfAnother() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.inventarioti");
        Set<String> violations = new TreeSet<>();
        Set<String> used = new TreeSet<>();
        for (JavaClass origin : classes) {
            String from = feature(origin);
            if (from == null) {
                continue;
            }
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass().getBaseComponentType();
                String to = feature(target);
                if (to == null || to.equals(from)) {
                    continue;
                }
                String type = target.getName()
                        .substring(target.getPackageName().length() + 1)
                        .split("\\$")[0];
                used.add(to + "." + type);
                if (!API.get(to).contains(type)) {
                    violations.add(origin.getName() + " uses " + to + "." + type);
                }
            }
        }
        assertThat(violations).isEmpty();
        Set<String> offered = new TreeSet<>();
        API.forEach((feature, types) -> types.forEach(type -> offered.add(feature + "." + type)));
        assertThat(used)
                .as("every type a feature offers is used by another (no stale API entries)")
                .isEqualTo(offered);
    }

    @Test
    void theDomainExceptionsKnowNoWebAndNoFeature() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.inventarioti");
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
                .that()
                .resideInAPackage("org.inventarioti.errors..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework.web..",
                        "org.springframework.http..",
                        "jakarta.servlet..",
                        "org.inventarioti.web..",
                        "org.inventarioti.activos..",
                        "org.inventarioti.categorias..",
                        "org.inventarioti.mantenimientos..",
                        "org.inventarioti.usuarios..",
                        "org.inventarioti.auditoria..",
                        "org.inventarioti.reportes..",
                        "org.inventarioti.etiquetas..",
                        "org.inventarioti.cuarentena..",
                        "org.inventarioti.jobs..",
                        "org.inventarioti.planes..",
                        "org.inventarioti.notificaciones..",
                        "org.inventarioti.listing..")
                .check(classes);
    }

    /** A class's feature, or null when it is in a shared package or a tool. */
    private static String feature(JavaClass javaClass) {
        String pkg = javaClass.getPackageName();
        for (String feature : TABLES.keySet()) {
            if (pkg.equals("org.inventarioti." + feature) || pkg.startsWith("org.inventarioti." + feature + ".")) {
                return feature;
            }
        }
        return null;
    }

    private static Set<String> tables() throws IOException {
        Set<String> tables = new TreeSet<>();
        Pattern create = Pattern.compile("(?i)CREATE\\s+(?:UNLOGGED\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)");
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.toList()) {
                Matcher m = create.matcher(Files.readString(file));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return tables;
    }

    private static List<Path> sources(String feature) throws IOException {
        Path dir = SOURCES.resolve(feature);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** The string literals and text blocks of a source file (comments left out). */
    static List<String> literals(Path file) throws IOException {
        String code = Files.readString(file);
        List<String> literals = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Matcher m = Pattern.compile(COMMENT.pattern() + "|" + LITERAL.pattern(), Pattern.DOTALL)
                .matcher(code);
        while (m.find()) {
            if (m.group(1) != null) {
                literals.add(m.group(1));
            } else if (m.group(2) != null) {
                literals.add(m.group(2));
            }
        }
        return literals;
    }
}
