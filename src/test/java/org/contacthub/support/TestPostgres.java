package org.contacthub.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server for tests, started once per test JVM. Each caller gets a database of its
 * own with the application's migrations applied, so tests never see each other's rows.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private static EmbeddedPostgres server;

    private TestPostgres() {}

    /** A new, migrated database on the shared server. */
    public static TestDatabase newDatabase() {
        return newDatabaseOn(shared());
    }

    /** A new, migrated database on the given server. */
    public static TestDatabase newDatabaseOn(EmbeddedPostgres postgres) {
        String name = "contacthub_test_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        TestDatabase database = new TestDatabase(postgres.getPort(), name);
        Flyway.configure().dataSource(database.dataSource()).load().migrate();
        return database;
    }

    private static synchronized EmbeddedPostgres shared() {
        if (server == null) {
            server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stopShared));
        }
        return server;
    }

    /** Starts a server of its own, for a test that needs to stop and restart PostgreSQL. */
    public static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the test PostgreSQL", e);
        }
    }

    private static void stopShared() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One test's database.
     *
     * @param port the server's loopback port
     * @param name the database name
     */
    public record TestDatabase(int port, String name) {

        public String url() {
            return "jdbc:postgresql://localhost:" + port + "/" + name;
        }

        public String user() {
            return "postgres";
        }

        public DataSource dataSource() {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(url());
            dataSource.setUser(user());
            return dataSource;
        }
    }
}
