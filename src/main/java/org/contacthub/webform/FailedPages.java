package org.contacthub.webform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps broken pages in the shared {@code failed_message} table. The same page failing again on a
 * later poll updates its open row (attempts, last failure) instead of adding another.
 */
final class FailedPages {

    static final String ROUTE_ID = "collect-form-pages";
    static final String ENTRY_POINT = "direct:replay-form-pages";

    private static final Logger log = LoggerFactory.getLogger(FailedPages.class);

    private static final String KEEP = """
            insert into failed_message (source, message_key, route_id, entry_point, error_type, error_message,
                   payload, run_id, unit, payload_type)
            values (?, ?, ?, ?, ?, ?, ?, ?, 'page', 'application/json')
            on conflict (source, message_key) where status <> 'discarded' do update
               set status = 'failed', attempts = failed_message.attempts + 1, last_failed_at = now(),
                   error_type = excluded.error_type, error_message = excluded.error_message,
                   payload = excluded.payload, run_id = excluded.run_id""";

    private final DataSource dataSource;

    FailedPages(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Keeps one broken page.
     *
     * @param pageKey what the page was asked for with, so a repeat finds the same row
     */
    void keep(String source, String pageKey, BrokenPageException broken, long runId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement keep = connection.prepareStatement(KEEP)) {
            connection.setAutoCommit(true);
            keep.setString(1, source);
            keep.setString(2, pageKey);
            keep.setString(3, ROUTE_ID);
            keep.setString(4, ENTRY_POINT);
            keep.setString(5, "broken-page");
            keep.setString(6, broken.getMessage());
            keep.setString(7, broken.payload());
            keep.setLong(8, runId);
            keep.executeUpdate();
        } catch (SQLException e) {
            log.error("Could not keep the broken page of {} as a failed input: {}", source, e.getMessage());
        }
    }
}
