package org.inventarioti.ops.backup;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.inventarioti.config.EmbeddedPostgresServer;
import org.inventarioti.ops.archive.Database;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The database the application uses (DB_* environment or the embedded server), for the ops tools. */
@Component
public class ConfiguredDatabase {

    private final DataSource dataSource;
    private final ObjectProvider<EmbeddedPostgresServer> embedded;

    ConfiguredDatabase(DataSource dataSource, ObjectProvider<EmbeddedPostgresServer> embedded) {
        this.dataSource = dataSource;
        this.embedded = embedded;
    }

    public Database database() {
        try {
            HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
            return new Database(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "The configured data source is not a connection pool the ops tools know", e);
        }
    }

    public boolean embedded() {
        return embedded.getIfAvailable() != null;
    }
}
