package org.inventarioti.importacion;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.flywaydb.core.Flyway;
import org.inventarioti.cli.CommandContext;
import org.inventarioti.cli.TargetDatabaseOption;
import org.inventarioti.config.Database;
import org.inventarioti.ops.migrate.StartupMigrations;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "legacy",
        mixinStandardHelpOptions = true,
        description = {
            "Imports the original Inventario-TI (Node/MySQL): a live MySQL/MariaDB database (--from, read in one"
                    + " consistent read-only snapshot) or a mysqldump/mariadb-dump file (--from-dump, .sql or .sql.gz,"
                    + " no MySQL server needed) into the configured database (DB_* environment, or the embedded one)"
                    + " or --target, which must be empty.",
            "Ids are kept (codigo TI-<id>, old label URLs /activos/<id> keep working), passwords keep working,"
                    + " secrets are stripped, everything is written in one transaction and audited. --dry-run is the"
                    + " preview: the same report, nothing written."
        })
class ImportLegacyCommand implements Callable<Integer> {

    @Mixin
    CommandContext context;

    static final class Source {
        @Option(
                names = "--from",
                paramLabel = "JDBC-URL",
                description = "jdbc:mariadb://host:3306/db or jdbc:mysql://host:3306/db")
        String url;

        @Option(
                names = "--from-dump",
                paramLabel = "FILE",
                description = "A mysqldump / mariadb-dump file (.sql, .sql.gz)")
        Path dump;
    }

    @ArgGroup(multiplicity = "1")
    Source source;

    @Option(names = "--from-user", paramLabel = "USER", description = "User for --from (or user=… in the URL).")
    String fromUser;

    @Option(
            names = "--from-password-env",
            paramLabel = "VAR",
            description = "Environment variable holding the --from password.")
    String fromPasswordEnv;

    @Mixin
    TargetDatabaseOption target;

    @Option(names = "--dry-run", description = "The preview: read and map everything, report, write nothing.")
    boolean dryRun;

    @Option(
            names = "--admin",
            paramLabel = "EMAIL",
            description = "Make this imported account ADMIN (repeatable). Nobody else is.")
    List<String> admins = new ArrayList<>();

    @Option(
            names = "--default-role",
            paramLabel = "ROLE",
            defaultValue = "TECNICO",
            description =
                    "Role of the other accounts: TECNICO (default; they could write everything in the original) or LECTOR.")
    String defaultRole;

    @Option(
            names = "--timezone",
            paramLabel = "ZONE",
            description =
                    "Zone the source's DATETIME values were written in (default: this machine's, ${DEFAULT-VALUE}).")
    ZoneId zone = ZoneId.systemDefault();

    @Option(names = "--json", description = "Print the report as JSON (progress goes to standard error).")
    boolean json;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the report as JSON to FILE.")
    Path reportFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = context.out();
        PrintWriter err = context.err();
        PrintWriter progress = json ? err : out;
        ImportacionLegado.Opciones opciones;
        try {
            opciones = new ImportacionLegado.Opciones(
                    admins, defaultRole.toUpperCase(java.util.Locale.ROOT), zone, dryRun);
        } catch (ImportacionRechazada e) {
            throw context.usage(e.getMessage());
        }
        Database database;
        ImportacionLegado.Migracion migracion;
        if (target.database().isPresent()) {
            database = target.database().get();
            migracion = () -> Flyway.configure()
                    .dataSource(database.url(), database.user(), database.password())
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } else {
            database = context.database().database();
            migracion = () -> context.bean(StartupMigrations.class).migrateForCommand();
        }
        String from = source.url != null ? "the database at --from" : source.dump.toString();
        progress.println(
                (dryRun ? "Previewing the import of " : "Importing ") + from + " into " + database.describe() + " ...");
        Informe informe;
        try {
            informe = source.url != null
                    ? ImportacionLegado.desdeBaseDeDatos(
                            source.url,
                            fromUser,
                            fromPasswordEnv == null ? null : CommandContext.requiredEnv(fromPasswordEnv),
                            database,
                            opciones,
                            migracion,
                            progress)
                    : ImportacionLegado.desdeDump(source.dump, database, opciones, migracion, progress);
        } catch (ImportacionRechazada e) {
            err.println("import refused: " + e.getMessage());
            return 1;
        }
        if (reportFile != null) {
            Files.writeString(reportFile, informe.json());
        }
        if (json) {
            out.println(informe.json());
        } else {
            informe.imprimir(out);
        }
        out.flush();
        return informe.cuadra() ? 0 : 1;
    }
}
