package org.inventarioti.ops.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every migration says whether it is expand (safe at start-up) or contract (maintenance window). */
class MigrationNamingTest {

    @Test
    void everyMigrationIsMarkedExpandOrContract() throws Exception {
        Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*.sql");
        List<String> names = Arrays.stream(scripts).map(Resource::getFilename).toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(4);
        assertThat(names)
                .allSatisfy(name -> assertThat(MigrationKind.of(name))
                        .as(name + " must be named V<n>__expand_<what>.sql or V<n>__contract_<what>.sql")
                        .isPresent());
        assertThat(MigrationKind.of("V3__contract_especificaciones.sql")).contains(MigrationKind.CONTRACT);
        assertThat(MigrationKind.of("V2__expand_especificaciones_json.sql")).contains(MigrationKind.EXPAND);
    }

    @Test
    void unmarkedNamesAreRecognised() {
        assertThat(MigrationKind.of("V4__add_index.sql")).isEmpty();
        assertThat(MigrationKind.of("V4__Expand_x.sql")).isEmpty();
        assertThat(MigrationKind.of("db/migration/V2_1__expand_ops.sql")).contains(MigrationKind.EXPAND);
    }
}
