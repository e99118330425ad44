package org.contacthub.failure;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Appends to and reads the failed-message audit; the database refuses any change to a row once written. */
@Component
class AuditTrail {

    private static final String APPEND = """
            insert into failed_message_audit (failed_message_id, action, actor, reason, outcome, run_id)
            values (?, ?, ?, ?, ?, ?)""";

    private static final String HISTORY = "select * from failed_message_audit where failed_message_id = ? order by id";

    private final JdbcTemplate jdbc;

    AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void append(long failedMessageId, String action, String actor, String reason, String outcome, Long runId) {
        jdbc.update(APPEND, failedMessageId, action, actor, reason, outcome, runId);
    }

    List<AuditEntry> history(long failedMessageId) {
        return jdbc.query(
                HISTORY,
                (rs, n) -> new AuditEntry(
                        rs.getLong("id"),
                        rs.getLong("failed_message_id"),
                        rs.getString("action"),
                        rs.getString("actor"),
                        rs.getObject("acted_at", OffsetDateTime.class),
                        rs.getString("reason"),
                        rs.getString("outcome"),
                        rs.getObject("run_id", Long.class)),
                failedMessageId);
    }
}
