package org.inventarioti.ops.migrate;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.MigrationInfo;

/**
 * The naming convention that marks a migration: {@code V<n>__expand_<what>.sql} is safe for a
 * running older release and runs at start-up; {@code V<n>__contract_<what>.sql} is destructive
 * and runs only in a maintenance window.
 */
public enum MigrationKind {
    EXPAND,
    CONTRACT;

    private static final Pattern NAME = Pattern.compile("V[0-9][0-9_]*__(expand|contract)_[a-z0-9_]+\\.sql");

    /** Empty when the file name does not follow the convention. */
    public static Optional<MigrationKind> of(String script) {
        String file = script.substring(script.lastIndexOf('/') + 1);
        Matcher matcher = NAME.matcher(file);
        return matcher.matches() ? Optional.of(valueOf(matcher.group(1).toUpperCase())) : Optional.empty();
    }

    /** A migration whose name follows no convention is treated as destructive. */
    public static MigrationKind of(MigrationInfo migration) {
        return of(migration.getScript()).orElse(CONTRACT);
    }

    public String label() {
        return name().toLowerCase();
    }
}
