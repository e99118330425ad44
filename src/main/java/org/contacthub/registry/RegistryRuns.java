package org.contacthub.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Records each registry load as a collection run, with its problems as rejected records. */
final class RegistryRuns {

    static final String SOURCE = "registry";

    private static final String INSERT_SUCCEEDED = """
            insert into collection_run (source, source_ref, started_at, ended_at, status,
                                        read_count, loaded_count, duplicate_count, rejected_count)
            values (?, ?, ?, ?, 'succeeded', ?, ?, 0, ?)
            returning id
            """;

    private static final String INSERT_FAILED = """
            insert into collection_run (source, source_ref, started_at, ended_at, status, error)
            values (?, ?, ?, ?, 'failed', ?)
            returning id
            """;

    private static final String INSERT_REJECTED = """
            insert into rejected_record (run_id, source, source_ref, location, reason, record)
            values (?, ?, ?, ?, ?, ?)
            """;

    private RegistryRuns() {}

    static long recordSucceeded(Connection connection, RegistryFile file, Instant startedAt) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_SUCCEEDED)) {
            bindRun(statement, file.name(), startedAt);
            statement.setLong(5, file.dataLines());
            statement.setLong(6, file.entries().size());
            statement.setLong(7, file.problems().size());
            return returnedId(statement);
        }
    }

    static long recordFailed(Connection connection, String fileName, Instant startedAt, String error)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_FAILED)) {
            bindRun(statement, fileName, startedAt);
            statement.setString(5, error);
            return returnedId(statement);
        }
    }

    static void recordProblems(Connection connection, long runId, RegistryFile file) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_REJECTED)) {
            for (RegistryProblem problem : file.problems()) {
                statement.setLong(1, runId);
                statement.setString(2, SOURCE);
                statement.setString(3, file.name());
                statement.setString(4, problem.location());
                statement.setString(5, problem.reason());
                statement.setString(6, problem.record());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void bindRun(PreparedStatement statement, String fileName, Instant startedAt) throws SQLException {
        statement.setString(1, SOURCE);
        statement.setString(2, fileName);
        statement.setObject(3, startedAt.atOffset(ZoneOffset.UTC));
        statement.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
    }

    private static long returnedId(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
