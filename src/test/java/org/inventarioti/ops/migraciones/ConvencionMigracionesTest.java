package org.inventarioti.ops.migraciones;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every migration says whether it is expand (safe at start-up) or contract (maintenance window). */
class ConvencionMigracionesTest {

    @Test
    void everyMigrationIsMarkedExpandOrContract() throws Exception {
        Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*.sql");
        List<String> names = Arrays.stream(scripts).map(Resource::getFilename).toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(4);
        assertThat(names)
                .allSatisfy(name -> assertThat(TipoMigracion.of(name))
                        .as(name + " must be named V<n>__expand_<what>.sql or V<n>__contract_<what>.sql")
                        .isPresent());
        assertThat(TipoMigracion.of("V3__contract_especificaciones.sql")).contains(TipoMigracion.CONTRACT);
        assertThat(TipoMigracion.of("V2__expand_especificaciones_json.sql")).contains(TipoMigracion.EXPAND);
    }

    @Test
    void unmarkedNamesAreRecognised() {
        assertThat(TipoMigracion.of("V4__add_index.sql")).isEmpty();
        assertThat(TipoMigracion.of("V4__Expand_x.sql")).isEmpty();
        assertThat(TipoMigracion.of("db/migration/V2_1__expand_ops.sql")).contains(TipoMigracion.EXPAND);
    }
}
