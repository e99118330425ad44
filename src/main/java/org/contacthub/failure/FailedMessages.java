package org.contacthub.failure;

import org.apache.camel.Exchange;
import org.contacthub.load.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The shared error policy's bean (routes/errors.yaml): keeps what still failed after the retries, and
 * moves a failed message between failed, replayed and discarded.
 */
@Component("failedMessages")
public class FailedMessages {

    private static final Logger log = LoggerFactory.getLogger(FailedMessages.class);
    private static final int MAX_ERROR_LENGTH = 2000;

    private static final String KEEP = """
            insert into failed_message (source, message_key, route_id, entry_point, unit, error_type,
                   error_message, payload, payload_type, run_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?,
                    (select max(id) from collection_run where source = ? and source_ref is not distinct from ?))
            on conflict (source, message_key) where status <> 'discarded' do update
               set status = 'failed', attempts = failed_message.attempts + 1, last_failed_at = now(),
                   error_type = excluded.error_type, error_message = excluded.error_message,
                   payload = excluded.payload, run_id = coalesce(excluded.run_id, failed_message.run_id),
                   replayed_run_id = null, resolved_at = null, resolved_by = null""";

    private static final String REPLAYED = """
            update failed_message set status = 'replayed', replayed_run_id = ?, resolved_at = now(), resolved_by = ?
             where id = ? and status = 'failed'""";

    // Counts the attempt only when the route has not already counted it by keeping the input again.
    private static final String FAILED_AGAIN = """
            update failed_message set attempts = attempts + 1, last_failed_at = now(), error_type = ?, error_message = ?
             where id = ? and attempts = ?""";

    private static final String DISCARD = """
            update failed_message set status = 'discarded', discard_reason = ?, resolved_at = now(), resolved_by = ?
             where id = ? and status = 'failed'""";

    private final JdbcTemplate jdbc;
    private final String errorFolder;

    FailedMessages(JdbcTemplate jdbc, @Value("${contacthub.phone.sftp.error-folder:error}") String errorFolder) {
        this.jdbc = jdbc;
        this.errorFolder = errorFolder;
    }

    /**
     * Keeps the input of an exchange that failed for good. If the database is down this throws, the
     * exchange fails, and the source keeps the input (a file stays in the drop, a cursor does not move).
     */
    public void keep(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String routeId = exchange.getFromRouteId();
        FailedInput input = FailedInput.of(routeId, exchange, errorFolder);
        String errorType = failure == null ? "unknown" : failure.getClass().getSimpleName();
        jdbc.update(
                KEEP,
                input.source(),
                input.messageKey(),
                routeId,
                input.entryPoint(),
                input.unit(),
                errorType,
                errorMessage(failure),
                input.payload(),
                input.payloadType(),
                input.source(),
                input.messageKey());
        log.error(
                "Route {} failed for {} {} after its retries and kept it as a failed message: {}",
                routeId,
                input.unit(),
                LogText.safe(input.messageKey()),
                errorType);
    }

    boolean markReplayed(long id, Long runId, String actor) {
        return jdbc.update(REPLAYED, runId, actor, id) == 1;
    }

    void markFailedAgain(FailedMessage before, Throwable failure) {
        jdbc.update(
                FAILED_AGAIN,
                failure.getClass().getSimpleName(),
                errorMessage(failure),
                before.id(),
                before.attempts());
    }

    boolean discard(long id, String reason, String actor) {
        return jdbc.update(DISCARD, reason, actor, id) == 1;
    }

    static String errorMessage(Throwable failure) {
        String message = failure == null ? "No exception was recorded" : String.valueOf(failure.getMessage());
        return message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message;
    }
}
