package org.contacthub.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.stereotype.Component;

/**
 * Opens, closes and fails collection runs. A run is opened in its own transaction so that support
 * staff see it while it is going; it is closed in the transaction that commits its rows.
 */
@Component
public class CollectionRuns implements ApplicationEventPublisherAware {

    static final String INTERRUPTED = "Interrupted: the run never finished (connection lost or hub stopped)";

    private static final Logger log = LoggerFactory.getLogger(CollectionRuns.class);

    private static final String CLOSE_INTERRUPTED = """
            update collection_run set status = 'failed', ended_at = now(), error = ?
             where source = ? and source_ref is not distinct from ? and status = 'running'""";

    private static final String OPEN = """
            insert into collection_run (source, source_ref, status) values (?, ?, 'running') returning id""";

    private static final String SUCCEED = """
            update collection_run set status = 'succeeded', ended_at = clock_timestamp(),
                   read_count = ?, loaded_count = ?, duplicate_count = ?, rejected_count = ?
             where id = ?""";

    private static final String FAIL = """
            update collection_run set status = 'failed', ended_at = clock_timestamp(), error = ?,
                   read_count = 0, loaded_count = 0, duplicate_count = 0, rejected_count = 0
             where id = ?
            returning source, source_ref, extract(epoch from ended_at - started_at)""";

    private final DataSource dataSource;
    private ApplicationEventPublisher events = event -> {};

    public CollectionRuns(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Opens a run for a source. A run of the same source and reference still marked running is from
     * a hub that stopped or lost its database mid-run, so it is closed as failed first.
     */
    public long open(String source, String sourceRef) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement interrupted = connection.prepareStatement(CLOSE_INTERRUPTED)) {
                interrupted.setString(1, INTERRUPTED);
                interrupted.setString(2, source);
                interrupted.setString(3, sourceRef);
                interrupted.executeUpdate();
            }
            try (PreparedStatement open = connection.prepareStatement(OPEN)) {
                open.setString(1, source);
                open.setString(2, sourceRef);
                try (ResultSet id = open.executeQuery()) {
                    id.next();
                    return id.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new LoadFailedException("Could not open a collection run for " + source, e);
        }
    }

    @Override
    public void setApplicationEventPublisher(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** Closes a run as succeeded inside the caller's transaction, so counts and rows commit together. */
    void succeed(Connection connection, long runId, RunCounts counts) throws SQLException {
        try (PreparedStatement succeed = connection.prepareStatement(SUCCEED)) {
            succeed.setLong(1, counts.read());
            succeed.setLong(2, counts.loaded());
            succeed.setLong(3, counts.duplicate());
            succeed.setLong(4, counts.rejected());
            succeed.setLong(5, runId);
            succeed.executeUpdate();
        }
    }

    /**
     * Records why a run failed. Nothing of a failed run is kept, so its counts are zero. If the
     * database itself is down this cannot be written; the next run of the same source closes it.
     */
    public void fail(long runId, String error) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement fail = connection.prepareStatement(FAIL)) {
            connection.setAutoCommit(true);
            fail.setString(1, error);
            fail.setLong(2, runId);
            try (ResultSet failed = fail.executeQuery()) {
                if (failed.next()) {
                    events.publishEvent(failedRun(runId, failed));
                }
            }
        } catch (SQLException e) {
            log.warn("Could not record the failure of collection run {}; the next run will: {}", runId, e.getMessage());
        }
    }

    private static CollectionRunClosed failedRun(long runId, ResultSet failed) throws SQLException {
        Duration took = Duration.ofMillis(Math.round(failed.getDouble(3) * 1000));
        return new CollectionRunClosed(
                runId, failed.getString(1), failed.getString(2), false, new RunResult(runId, 0, 0, 0, 0), took);
    }
}
