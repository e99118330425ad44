package org.contacthub.operations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** When each source last had a collection run that succeeded, from the run log every node writes to. */
@Component
class LastGoodRuns {

    private static final String LAST_GOOD = """
            select source, max(ended_at) from collection_run where status = 'succeeded' group by source""";

    private final JdbcTemplate jdbc;

    LastGoodRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Each source's last good run's end; a source with none is absent. */
    Map<String, Instant> bySource() {
        Map<String, Instant> ends = new HashMap<>();
        jdbc.query(LAST_GOOD, row -> {
            Timestamp ended = row.getTimestamp(2);
            if (ended != null) {
                ends.put(row.getString(1), ended.toInstant());
            }
        });
        return ends;
    }
}
