package org.inventarioti.ops.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.inventarioti.config.CliContext;
import org.inventarioti.config.InventarioProperties;
import org.inventarioti.ops.archive.ArchiveException;
import org.inventarioti.ops.archive.Database;
import org.inventarioti.ops.backup.ConfiguredDatabase;
import org.inventarioti.ops.restore.RestoreOptions;
import org.inventarioti.ops.restore.RestoreRefusedException;
import org.inventarioti.ops.restore.RestoreReport;
import org.inventarioti.ops.restore.RestoreService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "restore",
        description = {
            "Restores an archive into the configured database (DB_* environment, or the embedded one) or --target:"
                    + " schema at the archive's version, data through COPY, sequences, counts compared, validation report.",
            "Refuses a non-empty target unless --force (which backs the target up first). A failure changes nothing."
        })
public class RestoreCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ARCHIVE", description = "The backup archive (.zip).")
    Path archive;

    @Option(
            names = "--target",
            paramLabel = "JDBC-URL",
            description = "jdbc:postgresql://host:port/db (default: the configured database).")
    String target;

    @Option(names = "--target-user", paramLabel = "USER", description = "User for --target (or user=… in the URL).")
    String targetUser;

    @Option(
            names = "--target-password-env",
            paramLabel = "VAR",
            description = "Environment variable holding the --target password.")
    String targetPasswordEnv;

    @Option(names = "--force", description = "Replace a non-empty target (it is backed up first).")
    boolean force;

    @Option(
            names = "--allow-version-mismatch",
            description = "Accept an archive made by another release (pending expand migrations are applied).")
    boolean allowVersionMismatch;

    @Option(
            names = "--backup-dir",
            paramLabel = "DIR",
            description = "Where --force backs the target up (default: <data dir>/backups).")
    Path backupDir;

    @Option(
            names = "--jobs",
            paramLabel = "N",
            description =
                    "Connections loading tables and building indexes in parallel" + " (default: one per core, 2 to 4).")
    Integer jobs;

    RestoreCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (jobs != null && jobs < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        Database database;
        RestoreService service;
        if (target != null) {
            database = new Database(target, targetUser, password());
            service = RestoreService.standalone();
        } else {
            database = context.bean(ConfiguredDatabase.class).database();
            service = context.bean(RestoreService.class);
        }
        Path backups = backupDir != null ? backupDir : defaultBackupDir();
        out.println("Restoring " + archive + " into " + database.describe() + " ...");
        try {
            RestoreReport report = service.restore(
                    archive.toAbsolutePath(),
                    database,
                    new RestoreOptions(
                            force, allowVersionMismatch, backups, jobs != null ? jobs : RestoreOptions.defaultJobs()),
                    out);
            report.print(out);
            return report.countsMatch() ? 0 : 1;
        } catch (ArchiveException | RestoreRefusedException e) {
            spec.commandLine().getErr().println("restore refused: " + e.getMessage());
            return 1;
        }
    }

    private Path defaultBackupDir() {
        if (target != null) {
            return ExternalDatabase.dataDir().resolve("backups");
        }
        return context.bean(InventarioProperties.class).dataDir().resolve("backups");
    }

    private String password() {
        if (targetPasswordEnv == null) {
            return null;
        }
        String value = System.getenv(targetPasswordEnv);
        if (value == null) {
            throw new IllegalArgumentException("Environment variable " + targetPasswordEnv + " is not set");
        }
        return value;
    }
}
