package org.contacthub.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import javax.sql.DataSource;
import org.contacthub.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares the loader's copy-then-insert with plain batched inserts on the same rows, each into a fresh
 * database, and reports both against a bare COPY of the rows in the table's shape. Run by hand:
 * {@code mvn test -Dtest=LoadStrategyBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark.rows=500000}.
 */
class LoadStrategyBenchmark {

    private static final Logger log = LoggerFactory.getLogger(LoadStrategyBenchmark.class);
    private static final int ROWS = Integer.getInteger("benchmark.rows", 200_000);
    private static final String INSERT = """
            insert into contact_event (channel, contact_point, occurred_at, natural_key, time_ambiguous,
                   outcome, wait_seconds, talk_seconds, source_ref, source_line, run_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (channel, natural_key) do nothing""";

    @Test
    void compareLoadStrategies() throws Exception {
        double copyBaseline = rowsPerSecond(this::bareCopy);
        double loader = rowsPerSecond(this::loaderCopyThenInsert);
        double batched = rowsPerSecond(this::batchedInserts);

        log.info("Rows {}: bare COPY {} rows/s", ROWS, Math.round(copyBaseline));
        log.info(
                "Loader (COPY to staging, insert-select) {} rows/s, {} of COPY",
                Math.round(loader),
                ratio(loader, copyBaseline));
        log.info(
                "Batched inserts with conflicts ignored {} rows/s, {} of COPY",
                Math.round(batched),
                ratio(batched, copyBaseline));
    }

    private interface Load {
        void run(DataSource dataSource) throws Exception;
    }

    private static double rowsPerSecond(Load load) throws Exception {
        DataSource dataSource = TestPostgres.newDatabase().dataSource();
        long start = System.nanoTime();
        load.run(dataSource);
        return ROWS / ((System.nanoTime() - start) / 1e9);
    }

    private void loaderCopyThenInsert(DataSource dataSource) {
        new ContactLoader(dataSource, new CollectionRuns(dataSource), 5000).load("phone", "bench.csv", sink -> {
            for (int i = 0; i < ROWS; i++) {
                sink.accept(call(i));
            }
        });
    }

    private void batchedInserts(DataSource dataSource) throws Exception {
        long runId = new CollectionRuns(dataSource).open("phone", "bench.csv");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            connection.setAutoCommit(false);
            for (int i = 0; i < ROWS; i++) {
                bind(insert, call(i), runId);
                insert.addBatch();
                if (i % 5000 == 4999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    private void bareCopy(DataSource dataSource) throws Exception {
        long runId = new CollectionRuns(dataSource).open("phone", "bench.csv");
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < ROWS; i++) {
            ContactRecord c = call(i);
            rows.append("phone\t")
                    .append(c.contactPoint())
                    .append('\t')
                    .append(c.occurredAt())
                    .append('\t')
                    .append(c.naturalKey())
                    .append("\tf\tanswered\t10\t60\tbench.csv\t")
                    .append(i)
                    .append('\t')
                    .append(runId)
                    .append('\n');
        }
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            connection
                    .unwrap(org.postgresql.PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "copy contact_event (channel, contact_point, occurred_at, natural_key, time_ambiguous,"
                                    + " outcome,"
                                    + " wait_seconds, talk_seconds, source_ref, source_line, run_id) from stdin",
                            new java.io.StringReader(rows.toString()));
        }
    }

    private static void bind(PreparedStatement insert, ContactRecord c, long runId) throws Exception {
        insert.setString(1, c.channel().code());
        insert.setString(2, c.contactPoint());
        insert.setObject(3, java.time.OffsetDateTime.ofInstant(c.occurredAt(), java.time.ZoneOffset.UTC));
        insert.setString(4, c.naturalKey());
        insert.setBoolean(5, c.timeAmbiguous());
        insert.setString(6, c.outcome());
        insert.setInt(7, c.waitSeconds());
        insert.setInt(8, c.talkSeconds());
        insert.setString(9, c.sourceRef());
        insert.setLong(10, c.sourceLine());
        insert.setLong(11, runId);
    }

    private static ContactRecord call(int i) {
        Instant start = Instant.parse("2024-01-01T08:00:00Z").plusSeconds(i * 7L);
        return ContactRecord.call(
                "+44163296000" + (i % 7),
                start,
                "bench:" + i,
                "bench.csv",
                i + 2L,
                false,
                CallOutcome.ANSWERED,
                10,
                60);
    }

    private static String ratio(double value, double baseline) {
        return String.format("%.0f%%", 100 * value / baseline);
    }
}
