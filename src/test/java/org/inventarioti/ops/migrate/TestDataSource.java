package org.inventarioti.ops.migrate;

import javax.sql.DataSource;
import org.inventarioti.support.TestDatabase;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

final class TestDataSource {

    private TestDataSource() {}

    static DataSource of(TestDatabase.Scratch db) {
        TestDatabase server = TestDatabase.get();
        return new DriverManagerDataSource(db.jdbcUrl(), server.user(), server.password());
    }
}
