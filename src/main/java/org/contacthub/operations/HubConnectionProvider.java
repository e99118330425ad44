package org.contacthub.operations;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/** Lends Quartz's job store the hub's own connection pool, which the hub, not Quartz, closes. */
final class HubConnectionProvider implements ConnectionProvider {

    private final DataSource dataSource;

    HubConnectionProvider(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void shutdown() {
        // The pool belongs to the application context and outlives the scheduler.
    }

    @Override
    public void initialize() {
        // The pool is already started by the application context.
    }
}
