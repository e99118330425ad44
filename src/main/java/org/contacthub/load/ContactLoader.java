package org.contacthub.load;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.stereotype.Component;

/**
 * The one loader every channel uses. It runs one source as one collection run: the source's
 * records stream through a batched, idempotent writer inside a single transaction, and the run is
 * closed in that same transaction, so a run's rows are either all committed or none are.
 */
@Component
public class ContactLoader implements ApplicationEventPublisherAware {

    private static final Logger log = LoggerFactory.getLogger(ContactLoader.class);

    private final DataSource dataSource;
    private final CollectionRuns runs;
    private final int chunkSize;
    private volatile LoadObserver observer = LoadObserver.NONE;
    private ApplicationEventPublisher events = event -> {};

    public ContactLoader(
            DataSource dataSource, CollectionRuns runs, @Value("${contacthub.load.chunk-size:5000}") int chunkSize) {
        this.dataSource = dataSource;
        this.runs = runs;
        this.chunkSize = chunkSize;
    }

    @Override
    public void setApplicationEventPublisher(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** Lets a benchmark or a test hear about each chunk; pass {@link LoadObserver#NONE} to stop. */
    public void observe(LoadObserver observer) {
        this.observer = observer;
    }

    /**
     * Loads one source as one collection run.
     *
     * @param source the source's name in the run log, such as {@code phone}
     * @param sourceRef what was collected, such as a file name
     * @throws UnreadableInputException when the input as a whole cannot be read; the run is failed
     * @throws LoadFailedException when the database fails; the run is failed and nothing is kept
     */
    public RunResult load(String source, String sourceRef, ContactProducer producer) {
        return load(source, sourceRef, producer, BeforeCommit.NOTHING);
    }

    /**
     * Loads one source as one collection run and lets the caller write its own acknowledgement (such
     * as a saved cursor) on the run's connection just before the commit, so both commit or neither does.
     */
    public RunResult load(String source, String sourceRef, ContactProducer producer, BeforeCommit beforeCommit) {
        long runId = runs.open(source, sourceRef);
        long started = System.nanoTime();
        try {
            RunResult result = loadInOneTransaction(runId, source, sourceRef, producer, beforeCommit);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            log.info(
                    "Collection run {} of {} {} succeeded in {} ms: read {}, loaded {}, duplicate {}, rejected {}",
                    runId,
                    source,
                    LogText.safe(sourceRef),
                    took.toMillis(),
                    result.read(),
                    result.loaded(),
                    result.duplicate(),
                    result.rejected());
            events.publishEvent(new CollectionRunClosed(runId, source, sourceRef, true, result, took));
            return result;
        } catch (UnreadableInputException e) {
            failRun(runId, source, sourceRef, e.getMessage());
            throw e;
        } catch (SQLException | IOException | RuntimeException e) {
            failRun(runId, source, sourceRef, e.getMessage());
            throw new LoadFailedException(
                    "Collection run " + runId + " of " + source + " failed: " + e.getMessage(), e);
        }
    }

    private RunResult loadInOneTransaction(
            long runId, String source, String sourceRef, ContactProducer producer, BeforeCommit beforeCommit)
            throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                LoadObserver listening = observer;
                ChunkedContactWriter writer =
                        new ChunkedContactWriter(connection, runId, source, sourceRef, chunkSize, listening);
                producer.produce(writer);
                writer.flush();
                return closeAndCommit(connection, runId, writer.counts(), beforeCommit, listening);
            } catch (SQLException | IOException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            }
        }
    }

    private RunResult closeAndCommit(
            Connection connection, long runId, RunCounts counts, BeforeCommit beforeCommit, LoadObserver listening)
            throws SQLException {
        long start = listening == LoadObserver.NONE ? 0 : System.nanoTime();
        runs.succeed(connection, runId, counts);
        RunResult result = counts.toResult(runId);
        beforeCommit.apply(connection, result);
        connection.commit();
        if (listening != LoadObserver.NONE) {
            listening.stepTimed(runId, LoadObserver.Step.COMMIT, System.nanoTime() - start);
        }
        return result;
    }

    /** Work that must commit in the same transaction as a run's rows, or not at all. */
    @FunctionalInterface
    public interface BeforeCommit {

        BeforeCommit NOTHING = (connection, counts) -> {};

        void apply(Connection connection, RunResult counts) throws SQLException;
    }

    private void failRun(long runId, String source, String sourceRef, String reason) {
        log.error(
                "Collection run {} of {} {} failed, nothing was kept: {}",
                runId,
                source,
                LogText.safe(sourceRef),
                LogText.safe(reason));
        runs.fail(runId, reason);
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.debug("Rollback after a failed load did not complete: {}", e.getMessage());
        }
    }
}
