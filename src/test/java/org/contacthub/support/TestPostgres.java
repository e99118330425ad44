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
import org.springframework.boot.SpringApplication;

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
            stopAtExit(server);
        }
        return server;
    }

    /** Starts a server of its own, for a test that needs to stop and restart PostgreSQL; the caller stops it. */
    public static EmbeddedPostgres start() {
        try {
            // Stopped by stopAtExit, after the Spring contexts, rather than by the library's own shutdown hook.
            return EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the test PostgreSQL", e);
        }
    }

    /**
     * Stops a server when the JVM exits, once the Spring test contexts are closed. The JVM runs its shutdown
     * hooks side by side: stopping PostgreSQL in a hook of its own, under contexts that were still closing,
     * left their Quartz job stores waiting on the connection pool until surefire killed the JVM. Spring Boot
     * runs its shutdown handlers one by one after every context it started has closed. A test that stops a
     * server of its own in {@code @AfterAll} needs this too, since its context stays cached until exit.
     */
    public static void stopAtExit(EmbeddedPostgres postgres) {
        SpringApplication.getShutdownHandlers().add(() -> stop(postgres));
    }

    private static void stop(EmbeddedPostgres postgres) {
        try {
            postgres.close();
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
