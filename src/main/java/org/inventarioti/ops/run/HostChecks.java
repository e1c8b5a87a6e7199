package org.inventarioti.ops.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a deploy or maintenance run needs of the host before it touches anything, each checked by
 * preflight and every dry run: the service manager and its unit, the database role's right to
 * restore (the rollback needs it), and the environment file's mode.
 */
final class HostChecks {

    private HostChecks() {}

    /** The service command answers and knows the unit; else says how to point at another one. */
    static String serviceManager(ServiceManager service) {
        return service.checkInstalled();
    }

    /**
     * A restore creates schemas and replaces every table: the role must own the database (or be
     * superuser) and may create in it.
     */
    static String restoreRight(JdbcClient jdbc) {
        var row = jdbc.sql("""
                        SELECT current_user,
                               pg_get_userbyid(d.datdba) = current_user
                                   OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user),
                               has_database_privilege(current_database(), 'CREATE')
                        FROM pg_database d WHERE d.datname = current_database()""")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)})
                .single();
        if (!(Boolean) row[1] || !(Boolean) row[2]) {
            throw new IllegalStateException("role " + row[0] + " neither owns the database nor is superuser (or"
                    + " may not CREATE in it): a rollback could not restore the backup. Make it the owner:"
                    + " ALTER DATABASE <name> OWNER TO " + row[0]);
        }
        return "role " + row[0] + " owns the database: it can restore";
    }

    /** The environment file holds the secrets: readable by its owner only (mode 600). */
    static String environmentFile(Path file) throws IOException {
        if (file == null || !Files.exists(file)) {
            return "no environment file at " + file + " (secrets come from the process environment)";
        }
        Set<PosixFilePermission> open = EnumSet.copyOf(Files.getPosixFilePermissions(file));
        open.retainAll(EnumSet.of(
                PosixFilePermission.GROUP_READ,
                PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_READ,
                PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_EXECUTE));
        if (!open.isEmpty()) {
            throw new IllegalStateException(
                    file + " holds the secrets but is readable beyond its owner (" + open + "): chmod 600 " + file);
        }
        return file + " mode 600";
    }
}
