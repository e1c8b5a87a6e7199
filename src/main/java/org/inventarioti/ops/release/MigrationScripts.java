package org.inventarioti.ops.release;

import java.util.Collection;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.scanner.Scanner;

/**
 * Flyway that sees only some of the release's migration scripts: the expand ones while a contract
 * is pending on a database holding data (the contract runs later, in the window, out of order), or
 * exactly the versions an archive's history holds when a restore rebuilds it.
 */
public final class MigrationScripts implements ResourceProvider {

    private static final Pattern VERSION = Pattern.compile("V([0-9][0-9._]*)__.*");

    private final ResourceProvider all;
    private final Predicate<String> keep;

    private MigrationScripts(ResourceProvider all, Predicate<String> keep) {
        this.all = all;
        this.keep = keep;
    }

    /** {@code flyway} without its {@code __contract_} scripts. */
    public static Flyway withoutContracts(Flyway flyway) {
        return filtered(flyway, file -> !file.contains("__contract_"));
    }

    /** {@code flyway} with only the scripts of these versions. */
    public static Flyway only(Flyway flyway, Set<MigrationVersion> versions) {
        return filtered(flyway, file -> version(file).map(versions::contains).orElse(false));
    }

    public static java.util.Optional<MigrationVersion> version(String file) {
        Matcher matcher = VERSION.matcher(file.substring(file.lastIndexOf('/') + 1));
        return matcher.matches()
                ? java.util.Optional.of(
                        MigrationVersion.fromVersion(matcher.group(1).replace('_', '.')))
                : java.util.Optional.empty();
    }

    private static Flyway filtered(Flyway flyway, Predicate<String> keep) {
        Configuration configuration = flyway.getConfiguration();
        ResourceProvider all = configuration.getResourceProvider() != null
                ? configuration.getResourceProvider()
                : new Scanner<>(JavaMigration.class, configuration, configuration.getLocations());
        return Flyway.configure(configuration.getClassLoader())
                .configuration(configuration)
                .resourceProvider(new MigrationScripts(all, keep))
                .outOfOrder(true)
                .load();
    }

    @Override
    public LoadableResource getResource(String name) {
        return keep.test(name) ? all.getResource(name) : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return all.getResources(prefix, suffixes).stream()
                .filter(resource -> keep.test(resource.getFilename()))
                .toList();
    }
}
