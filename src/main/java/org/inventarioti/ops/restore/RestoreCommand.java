package org.inventarioti.ops.restore;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.inventarioti.cli.CommandContext;
import org.inventarioti.cli.TargetDatabaseOption;
import org.inventarioti.config.Database;
import org.inventarioti.ops.archive.ArchiveException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "restore",
        description = {
            "Restores an archive into the configured database (DB_* environment, or the embedded one) or --target:"
                    + " schema at the archive's version, data through COPY, sequences, counts compared, validation report.",
            "Refuses a non-empty target unless --force (which backs the target up first). A failure changes nothing."
        })
public class RestoreCommand implements Callable<Integer> {

    @Mixin
    CommandContext context;

    @Parameters(
            paramLabel = "ARCHIVE",
            description =
                    "The backup archive (.zip, or .zip.enc when encrypted), or s3://bucket/key of its off-site copy.")
    String archive;

    @Mixin
    TargetDatabaseOption target;

    @Option(names = "--force", description = "Replace a non-empty target (it is backed up first).")
    boolean force;

    @Mixin
    VersionMismatchOption versionMismatch;

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

    @Override
    public Integer call() throws Exception {
        if (jobs != null && jobs < 1) {
            throw context.usage("--jobs must be at least 1");
        }
        PrintWriter out = context.out();
        Database database = target.database().orElseGet(() -> context.database().database());
        try (ArchiveArgument source = ArchiveArgument.open(archive, context.environment(), out)) {
            out.println("Restoring " + source.name() + " into " + database.describe() + " ...");
            RestoreReport report = RestoreService.standalone()
                    .restore(
                            source.path(),
                            database,
                            new RestoreOptions(
                                    force,
                                    versionMismatch.allowed(),
                                    backupDir != null
                                            ? backupDir
                                            : context.database().backupDir(),
                                    jobs != null ? jobs : RestoreOptions.defaultJobs()),
                            out);
            report.print(out);
            return report.countsMatch() ? 0 : 1;
        } catch (ArchiveException | RestoreRefusedException e) {
            context.err().println("restore refused: " + e.getMessage());
            return 1;
        }
    }
}
