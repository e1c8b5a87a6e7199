package org.inventarioti.ops.restore;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The validation report {@code inventario restore} prints, and what {@code verify} compares. */
public record RestoreReport(
        Path archive,
        String target,
        String archiveAppVersion,
        String archiveSchemaVersion,
        String schemaVersion,
        List<TableCount> tables,
        Optional<Especificaciones> especificaciones,
        Optional<Usuarios> usuarios,
        List<String> pendingContract,
        Optional<Path> targetBackup,
        double seconds) {

    public record TableCount(String table, long archived, long restored) {
        public boolean matches() {
            return archived == restored;
        }
    }

    public record Especificaciones(long converted, long quarantined) {}

    public record Usuarios(long total, long enabledAdmins) {}

    public boolean countsMatch() {
        return tables.stream().allMatch(TableCount::matches);
    }

    public long rows() {
        return tables.stream().mapToLong(TableCount::restored).sum();
    }

    public void print(PrintWriter out) {
        out.println("Restore of " + archive.getFileName() + " into " + target);
        out.println("  schema version " + schemaVersion + " (archive " + archiveSchemaVersion + ", app "
                + archiveAppVersion + ")");
        targetBackup.ifPresent(b -> out.println("  the previous content of the target was backed up to " + b));
        out.printf("  %-32s %12s %12s%n", "table", "archive", "restored");
        for (TableCount t : tables) {
            out.printf(
                    "  %-32s %12d %12d  %s%n", t.table(), t.archived(), t.restored(), t.matches() ? "ok" : "MISMATCH");
        }
        especificaciones.ifPresent(e -> out.println(
                "  especificaciones: " + e.converted() + " converted, " + e.quarantined() + " quarantined"));
        usuarios.ifPresent(u -> out.println("  usuarios: " + u.total() + " (" + u.enabledAdmins()
                + " enabled administrators" + (u.enabledAdmins() == 0 ? " - WARNING: nobody can administer" : "")
                + ")"));
        out.println("  pending contract migrations: "
                + (pendingContract.isEmpty()
                        ? "none"
                        : String.join(", ", pendingContract) + " (run them in a maintenance window)"));
        out.printf(
                java.util.Locale.ROOT,
                "  result: %s, %d rows in %.1f s%n",
                countsMatch() ? "OK" : "COUNTS DIFFER",
                rows(),
                seconds);
    }
}
