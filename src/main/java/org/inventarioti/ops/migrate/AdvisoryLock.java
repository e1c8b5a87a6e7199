package org.inventarioti.ops.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A PostgreSQL session advisory lock on its own connection: held while the operation runs,
 * released when closed or when the process dies (the server ends the session).
 */
public final class AdvisoryLock implements AutoCloseable {

    public static final String MIGRATE = "inventario:migrate";
    public static final String MAINTENANCE_RUN = "inventario:maintenance-run";

    private final Connection connection;
    private final String name;

    private AdvisoryLock(Connection connection, String name) {
        this.connection = connection;
        this.name = name;
    }

    /** Empty when another session holds it. */
    public static Optional<AdvisoryLock> tryTake(DataSource dataSource, String name) {
        try {
            Connection connection = dataSource.getConnection();
            try (var statement = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
                statement.setString(1, name);
                try (var rs = statement.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return Optional.of(new AdvisoryLock(connection, name));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the lock " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (connection;
                var statement = connection.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
            statement.setString(1, name);
            statement.execute();
        } catch (SQLException e) {
            // Closing the session releases the lock anyway.
        }
    }
}
