package org.inventarioti.ops.restore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.inventarioti.config.Database;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The migrations this release ships, and Flyway set up to apply them to one schema. */
final class ReleaseMigrations {

    static final String LOCATION = "classpath:db/migration";
    private static final Pattern NAME = Pattern.compile("V([0-9._]+)__(\\w+)\\.sql");

    record Migration(MigrationVersion version, String description) {
        boolean contract() {
            return description.startsWith("contract");
        }
    }

    private static final Pattern EXTENSION =
            Pattern.compile("CREATE EXTENSION IF NOT EXISTS\\s+\"?(\\w+)", Pattern.CASE_INSENSITIVE);

    private final List<Migration> migrations;
    private final java.util.Set<String> extensions;

    private ReleaseMigrations(List<Migration> migrations, java.util.Set<String> extensions) {
        this.migrations = migrations;
        this.extensions = extensions;
    }

    /** The extensions the migrations create (each with IF NOT EXISTS). */
    java.util.Set<String> extensions() {
        return extensions;
    }

    static ReleaseMigrations load() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION + "/*.sql");
            List<Migration> found = new java.util.ArrayList<>();
            java.util.Set<String> extensions = new java.util.TreeSet<>();
            for (Resource resource : resources) {
                Matcher matcher = NAME.matcher(String.valueOf(resource.getFilename()));
                Matcher extension = EXTENSION.matcher(
                        new String(resource.getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8));
                while (extension.find()) {
                    extensions.add(extension.group(1));
                }
                if (matcher.matches()) {
                    found.add(new Migration(
                            MigrationVersion.fromVersion(matcher.group(1).replace('_', '.')), matcher.group(2)));
                }
            }
            found.sort(Comparator.comparing(Migration::version));
            return new ReleaseMigrations(List.copyOf(found), java.util.Set.copyOf(extensions));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    MigrationVersion latest() {
        return migrations.isEmpty()
                ? MigrationVersion.EMPTY
                : migrations.get(migrations.size() - 1).version();
    }

    boolean knows(MigrationVersion version) {
        return migrations.stream().anyMatch(m -> m.version().equals(version));
    }

    /** The migrations whose versions are not in {@code applied} (out-of-order histories included). */
    List<Migration> notIn(java.util.Set<MigrationVersion> applied) {
        return migrations.stream().filter(m -> !applied.contains(m.version())).toList();
    }

    /**
     * The expand migrations not in {@code applied} that come before the first such contract one
     * (the rest, which may seed data, run when the release starts).
     */
    List<Migration> expandBeforeContract(java.util.Set<MigrationVersion> applied) {
        List<Migration> expand = new java.util.ArrayList<>();
        for (Migration migration : notIn(applied)) {
            if (migration.contract()) {
                break;
            }
            expand.add(migration);
        }
        return expand;
    }

    static Flyway flyway(Database database, String schema, MigrationVersion target) {
        return Flyway.configure()
                .dataSource(database.url(), database.user(), database.password())
                .locations(LOCATION)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(false)
                .target(target)
                .cleanDisabled(true)
                .baselineOnMigrate(false)
                .outOfOrder(false)
                .validateOnMigrate(true)
                .load();
    }
}
