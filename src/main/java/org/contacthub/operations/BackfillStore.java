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
                    jdbc.queryForObject("""
                    insert into backfill_run (source, from_day, state, hub, started_at, updated_at)
                    values (?, ?, 'running', ?, ?, ?) returning id""", Long.class, source, from, hub, timestamp(now), timestamp(now)));
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
        return jdbc.update("""
                update backfill_run
                   set state = 'failed', ended_at = ?,
                       problem = 'Hub ' || hub || ' reported no progress after ' || to_char(updated_at at time zone 'UTC',
                                 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ' and may have stopped; start the backfill again'
                 where source = ? and state = 'running' and updated_at < ?""", timestamp(now), source, timestamp(quietSince));
    }

    /** Writes a backfill's progress, or its end, and moves its heartbeat. */
    void save(long id, BackfillRun.BackfillProgress progress, double fraction, Instant now) {
        jdbc.update(
                """
                update backfill_run
                   set state = ?, units_done = ?, units_total = ?, fraction_done = ?, loaded = ?, duplicate = ?,
                       rejected = ?, updated_at = ?, ended_at = ?, problem = ?
                 where id = ?""",
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
            jdbc.update(
                    "update backfill_run set updated_at = ? where state = 'running' and id = any(?)",
                    timestamp(now),
                    ids.toArray(Long[]::new));
        }
    }

    /** The latest backfill of each source, as stored. */
    List<Stored> latest() {
        return jdbc.query(LATEST, (rs, n) -> stored(rs));
    }

    /** One stored backfill, with the fraction done kept unrounded for the estimate of time left. */
    record Stored(BackfillRun.BackfillProgress progress, double fraction) {}

    private static Stored stored(ResultSet rs) throws SQLException {
        double fraction = rs.getDouble("fraction_done");
        long total = rs.getLong("units_total");
        Long unitsTotal = rs.wasNull() ? null : total;
        OffsetDateTime ended = rs.getObject("ended_at", OffsetDateTime.class);
        BackfillRun.BackfillProgress progress = new BackfillRun.BackfillProgress(
                rs.getString("source"),
                rs.getObject("from_day", LocalDate.class),
                BackfillRun.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
                rs.getString("hub"),
                rs.getLong("units_done"),
                unitsTotal,
                BackfillRun.percent(fraction),
                rs.getLong("loaded"),
                rs.getLong("duplicate"),
                rs.getLong("rejected"),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                ended == null ? null : ended.toInstant(),
                null,
                rs.getString("problem"));
        return new Stored(progress, fraction);
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }
}
