package org.inventarioti.ops.restore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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

    private final List<Migration> migrations;

    private ReleaseMigrations(List<Migration> migrations) {
        this.migrations = migrations;
    }

    static ReleaseMigrations load() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION + "/*.sql");
            List<Migration> found = new java.util.ArrayList<>();
            for (Resource resource : resources) {
                Matcher matcher = NAME.matcher(String.valueOf(resource.getFilename()));
                if (matcher.matches()) {
                    found.add(new Migration(
                            MigrationVersion.fromVersion(matcher.group(1).replace('_', '.')), matcher.group(2)));
                }
            }
            found.sort(Comparator.comparing(Migration::version));
            return new ReleaseMigrations(List.copyOf(found));
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

    /** The pending migrations after {@code current}. */
    List<Migration> after(MigrationVersion current) {
        return migrations.stream()
                .filter(m -> m.version().compareTo(current) > 0)
                .toList();
    }

    /** The last expand migration reachable from {@code current} without passing a contract one. */
    Optional<MigrationVersion> expandTarget(MigrationVersion current) {
        MigrationVersion target = null;
        for (Migration migration : after(current)) {
            if (migration.contract()) {
                break;
            }
            target = migration.version();
        }
        return Optional.ofNullable(target);
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
