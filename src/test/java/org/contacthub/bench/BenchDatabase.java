package org.contacthub.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.contacthub.support.TestPostgres;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A migrated, empty database for one benchmark phase: a new database on the embedded server, or the
 * scratch database given on the command line with every table but Flyway's emptied.
 */
record BenchDatabase(String url, String user, String password) {

    private static final String TABLES = """
            select quote_ident(tablename) from pg_tables
             where schemaname = current_schema() and tablename <> 'flyway_schema_history'""";

    static BenchDatabase fresh(BenchSettings settings) {
        if (settings.embeddedDatabase()) {
            TestPostgres.TestDatabase database = TestPostgres.newDatabase();
            return new BenchDatabase(database.url(), database.user(), "");
        }
        BenchDatabase given = new BenchDatabase(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
        Flyway.configure().dataSource(given.dataSource()).load().migrate();
        given.emptyAllTables();
        return given;
    }

    DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    Connection connect() throws SQLException {
        return dataSource().getConnection();
    }

    private void emptyAllTables() {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet names = statement.executeQuery(TABLES)) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
            statement.execute("truncate " + String.join(", ", tables) + " restart identity cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not empty the benchmark database", e);
        }
    }
}
