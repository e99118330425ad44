package org.contacthub.failure;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Reads failed messages by filter, page by page; every filter value is bound, never written into the SQL. */
@Component
class FailedMessageQueries {

    private static final String FILTER = "\n" + """
             where (?::text is null or source = ?) and (?::text is null or route_id = ?)
               and (?::text is null or error_type = ?) and (?::text is null or status = ?)
               and (?::timestamptz is null or last_failed_at >= ?)
               and (?::timestamptz is null or last_failed_at < ?)""";

    // A replayed file loads at the route's next poll, so its run is the first success after the replay.
    private static final String COLUMNS = """
            select f.*, coalesce(f.replayed_run_id, (select min(r.id) from collection_run r
                     where f.status = 'replayed' and f.unit = 'file' and r.source = f.source
                       and r.source_ref = f.message_key and r.status = 'succeeded' and r.started_at >= f.resolved_at))
                   as loaded_by_run_id
              from failed_message f""";

    private static final String PAGE = COLUMNS + FILTER + " order by last_failed_at desc, id desc limit ? offset ?";
    private static final String COUNT = "select count(*) from failed_message" + FILTER;
    private static final String REPLAYABLE = FILTER + " and entry_point is not null";
    private static final String COUNT_REPLAYABLE = "select count(*) from failed_message" + REPLAYABLE;
    private static final String IDS =
            "select id from failed_message" + REPLAYABLE + " order by first_failed_at, id limit ?";
    private static final String ONE = COLUMNS + " where f.id = ?";
    private static final String LAST_RUN = "select coalesce(max(id), 0) from collection_run";
    private static final String RUNS_SINCE = """
            select id, status, error from collection_run where source = ? and id > ? and status <> 'running'
             order by id""";

    private static final RowMapper<FailedMessage> ROW = (rs, n) -> new FailedMessage(
            rs.getLong("id"),
            rs.getString("source"),
            rs.getString("message_key"),
            rs.getString("route_id"),
            rs.getString("entry_point"),
            rs.getString("unit"),
            rs.getString("error_type"),
            rs.getString("error_message"),
            rs.getString("payload"),
            rs.getString("payload_type"),
            rs.getObject("first_failed_at", OffsetDateTime.class),
            rs.getObject("last_failed_at", OffsetDateTime.class),
            rs.getInt("attempts"),
            rs.getString("status"),
            rs.getObject("run_id", Long.class),
            rs.getObject("loaded_by_run_id", Long.class),
            rs.getString("discard_reason"),
            rs.getObject("resolved_at", OffsetDateTime.class),
            rs.getString("resolved_by"));

    private final JdbcTemplate jdbc;

    FailedMessageQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<FailedMessage> page(FailedMessageFilter filter, int page, int size) {
        return jdbc.query(PAGE, ROW, append(filter.bindings(), size, (long) page * size));
    }

    long count(FailedMessageFilter filter) {
        return jdbc.queryForObject(COUNT, Long.class, filter.bindings());
    }

    /** How many messages the filter matches that are still failed and have a replay route. */
    long countReplayable(FailedMessageFilter filter) {
        return jdbc.queryForObject(
                COUNT_REPLAYABLE, Long.class, filter.stillFailed().bindings());
    }

    /** The oldest replayable messages the filter matches, at most {@code limit} of them. */
    List<Long> replayableIds(FailedMessageFilter filter, int limit) {
        return jdbc.queryForList(IDS, Long.class, append(filter.stillFailed().bindings(), limit));
    }

    Optional<FailedMessage> find(long id) {
        return jdbc.query(ONE, ROW, id).stream().findFirst();
    }

    long lastRunId() {
        return jdbc.queryForObject(LAST_RUN, Long.class);
    }

    /** The finished runs of a source opened after the given run id, oldest first. */
    List<RunAfterReplay> runsSince(String source, long runId) {
        return jdbc.query(
                RUNS_SINCE,
                (rs, n) -> new RunAfterReplay(rs.getLong("id"), rs.getString("status"), rs.getString("error")),
                source,
                runId);
    }

    private static Object[] append(Object[] bindings, Object... more) {
        Object[] all = Arrays.copyOf(bindings, bindings.length + more.length);
        System.arraycopy(more, 0, all, bindings.length, more.length);
        return all;
    }

    /** A collection run that a replay started. */
    record RunAfterReplay(long id, String status, String error) {

        boolean failed() {
            return "failed".equals(status);
        }
    }
}
