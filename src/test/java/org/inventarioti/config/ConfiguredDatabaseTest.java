package org.inventarioti.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.inventarioti.support.InventarioTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Services and commands name the same database the application's pool connects to. */
@InventarioTest
class ConfiguredDatabaseTest {

    @Autowired
    ConfiguredDatabase configured;

    @Autowired
    DataSource dataSource;

    @Test
    void theConfiguredDatabaseIsThePoolsDatabase() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        assertThat(configured.embedded()).isFalse();
        assertThat(configured.database().url()).isEqualTo(pool.getJdbcUrl());
        assertThat(configured.database().user()).isEqualTo(pool.getUsername());
    }
}
