package org.contacthub.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The same-run baseline: the rows the hub just loaded, exported in the table's own shape, then copied
 * straight back into the emptied table with pgjdbc's CopyManager, as fast as PostgreSQL takes rows.
 */
final class CopyBaseline {

    private static final String COLUMNS = """
            channel, contact_point, occurred_at, natural_key, time_ambiguous, outcome, wait_seconds,
            talk_seconds, auto_reply, bulk, bounce, internal, spam, form_state, source_ref, source_line, run_id""";

    /** How many rows the bare COPY took and how long it took. */
    record Figures(long rows, double seconds) {

        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private CopyBaseline() {}

    static Figures measure(BenchDatabase database, Path work) throws SQLException, IOException {
        Path rows = work.resolve("contact-event.copy");
        try (Connection connection = database.connect()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(rows), 1 << 16)) {
                copy.copyOut("copy contact_event (" + COLUMNS + ") to stdout", out);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("truncate contact_event");
            }
            long start = System.nanoTime();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(rows), 1 << 16)) {
                long copied = copy.copyIn("copy contact_event (" + COLUMNS + ") from stdin", in);
                return new Figures(copied, (System.nanoTime() - start) / 1e9);
            }
        } finally {
            Files.deleteIfExists(rows);
        }
    }
}
