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

    public static final String MIGRACION = "inventario:migrate";
    public static final String MANTENIMIENTO = "inventario:maintenance-run";

    private final Connection connection;
    private final String nombre;

    private AdvisoryLock(Connection connection, String nombre) {
        this.connection = connection;
        this.nombre = nombre;
    }

    /** Empty when another session holds it. */
    public static Optional<AdvisoryLock> intentar(DataSource dataSource, String nombre) {
        try {
            Connection connection = dataSource.getConnection();
            try (var statement = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
                statement.setString(1, nombre);
                try (var rs = statement.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return Optional.of(new AdvisoryLock(connection, nombre));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the lock " + nombre + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (connection;
                var statement = connection.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
            statement.setString(1, nombre);
            statement.execute();
        } catch (SQLException e) {
            // Closing the session releases the lock anyway.
        }
    }
}
