package org.contacthub.operations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every hub's backfills in table backfill_run: who runs what, how far it has come, how it ended. */
@Repository
class BackfillStore {

    private static final String CLAIM = """
            insert into backfill_run (source, from_day, state, hub, started_at, updated_at)
            values (?, ?, 'running', ?, ?, ?)
            returning id""";

    private static final String ABANDON_STALE = """
            update backfill_run
               set state = 'failed', ended_at = ?,
                   problem = 'Hub ' || hub || ' reported no progress after '
                             || to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                             || ' and may have stopped; start the backfill again'
             where source = ? and state = 'running' and updated_at < ?""";

    private static final String SAVE = """
            update backfill_run
               set state = ?, units_done = ?, units_total = ?, fraction_done = ?, loaded = ?, duplicate = ?,
                   rejected = ?, updated_at = ?, ended_at = ?, problem = ?
             where id = ?""";

    private static final String HEARTBEAT = """
            update backfill_run set updated_at = ? where state = 'running' and id = any(?)""";

    private static final String LATEST = """
            select distinct on (source) id, source, from_day, state, hub, units_done, units_total, fraction_done,
                   loaded, duplicate, rejected, started_at, updated_at, ended_at, problem
              from backfill_run
             order by source, started_at desc, id desc""";

    private final JdbcTemplate jdbc;

    BackfillStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a new running backfill of a source, unless one is already running anywhere in the cluster.
     *
     * @return the new backfill's id; empty when another is running
     */
    Optional<Long> claim(String source, LocalDate from, String hub, Instant now) {
        try {
            return Optional.ofNullable(
                    jdbc.queryForObject(CLAIM, Long.class, source, from, hub, timestamp(now), timestamp(now)));
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    /**
     * Marks failed a running backfill of the source that has not moved since {@code quietSince}: its hub
     * stopped, or lost the database, without ending it.
     *
     * @return how many were marked
     */
    int abandonStale(String source, Instant quietSince, Instant now) {
        return jdbc.update(ABANDON_STALE, timestamp(now), source, timestamp(quietSince));
    }

    /** Writes a backfill's progress, or its end, and moves its heartbeat. */
    void save(long id, BackfillRun.BackfillProgress progress, double fraction, Instant now) {
        jdbc.update(
                SAVE,
                progress.state().name().toLowerCase(Locale.ROOT),
                progress.unitsDone(),
                progress.unitsTotal(),
                fraction,
                progress.loaded(),
                progress.duplicate(),
                progress.rejected(),
                timestamp(now),
                progress.endedAt() == null ? null : timestamp(progress.endedAt()),
                progress.problem(),
                id);
    }

    /** Shows that these backfills' hub is alive while a long unit (a large file) keeps them from moving. */
    void heartbeat(Collection<Long> ids, Instant now) {
        if (!ids.isEmpty()) {
            jdbc.update(HEARTBEAT, timestamp(now), ids.toArray(Long[]::new));
        }
    }

    /** The latest backfill of each source, with its estimate of the time left worked out at {@code now}. */
    List<BackfillRun.BackfillProgress> latest(Instant now) {
        return jdbc.query(LATEST, (rs, n) -> progress(rs, now));
    }

    private static BackfillRun.BackfillProgress progress(ResultSet rs, Instant now) throws SQLException {
        double fraction = rs.getDouble("fraction_done");
        long total = rs.getLong("units_total");
        Long unitsTotal = rs.wasNull() ? null : total;
        BackfillRun.State state =
                BackfillRun.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT));
        Instant startedAt = rs.getObject("started_at", OffsetDateTime.class).toInstant();
        OffsetDateTime ended = rs.getObject("ended_at", OffsetDateTime.class);
        return new BackfillRun.BackfillProgress(
                rs.getString("source"),
                rs.getObject("from_day", LocalDate.class),
                state,
                rs.getString("hub"),
                rs.getLong("units_done"),
                unitsTotal,
                BackfillRun.percent(fraction),
                rs.getLong("loaded"),
                rs.getLong("duplicate"),
                rs.getLong("rejected"),
                startedAt,
                ended == null ? null : ended.toInstant(),
                BackfillRun.secondsLeft(state, fraction, startedAt, now),
                rs.getString("problem"));
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }
}
