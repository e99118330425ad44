package org.contacthub.operations;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Every hub's live route files and refused edits, in table {@code route_file_state}. */
@Repository
class RouteFileStore {

    private static final String FORGET_HUB = "delete from route_file_state where hub = ?";

    private static final String LIVE = """
            insert into route_file_state (hub, file, routes, loaded_at, reported_at) values (?, ?, ?, ?, ?)
            on conflict (hub, file) do update
               set routes = excluded.routes, loaded_at = excluded.loaded_at, reported_at = excluded.reported_at""";

    private static final String CLEAR_REFUSAL = """
            update route_file_state set refused_line = null, refused_reason = null, refused_at = null
             where hub = ? and file = ?""";

    private static final String REFUSED = """
            insert into route_file_state (hub, file, refused_line, refused_reason, refused_at, reported_at)
            values (?, ?, ?, ?, ?, ?)
            on conflict (hub, file) do update
               set refused_line = excluded.refused_line, refused_reason = excluded.refused_reason,
                   refused_at = excluded.refused_at, reported_at = excluded.reported_at""";

    private static final String REMOVED = "delete from route_file_state where hub = ? and file = ?";

    private static final String REPORT = "update route_file_state set reported_at = ? where hub = ?";

    private static final String LIVE_SINCE = """
            select hub, file, routes, loaded_at from route_file_state
             where loaded_at is not null and reported_at >= ? order by file, hub""";

    private static final String REFUSED_SINCE = """
            select hub, file, refused_line, refused_reason, refused_at from route_file_state
             where refused_at is not null and reported_at >= ? order by file, hub""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    RouteFileStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Replaces whatever a hub of this name reported before with the files it runs now. */
    void startAfresh(String hub, Collection<RouteFiles.LiveFile> files) {
        transactions.executeWithoutResult(status -> {
            jdbc.update(FORGET_HUB, hub);
            files.forEach(this::live);
        });
    }

    /** A file's routes were loaded again; a refused edit of it, if any, still stands. */
    void live(RouteFiles.LiveFile file) {
        jdbc.update(
                LIVE,
                file.hub(),
                file.file(),
                file.routes().toArray(String[]::new),
                timestamp(file.loadedAt()),
                timestamp(file.loadedAt()));
    }

    /** An edit of a file went live, which ends any refusal of an earlier edit. */
    void accepted(RouteFiles.LiveFile file) {
        transactions.executeWithoutResult(status -> {
            live(file);
            jdbc.update(CLEAR_REFUSAL, file.hub(), file.file());
        });
    }

    void refused(RouteFiles.RefusedEdit edit) {
        jdbc.update(
                REFUSED,
                edit.hub(),
                edit.file(),
                edit.line(),
                edit.reason(),
                timestamp(edit.refusedAt()),
                timestamp(edit.refusedAt()));
    }

    void removed(String hub, String file) {
        jdbc.update(REMOVED, hub, file);
    }

    /** Shows that the hub still runs what it reported, so its rows stay on the page. */
    void report(String hub, Instant now) {
        jdbc.update(REPORT, timestamp(now), hub);
    }

    void forget(String hub) {
        jdbc.update(FORGET_HUB, hub);
    }

    /** The live files of every hub that has reported since then. */
    List<RouteFiles.LiveFile> live(Instant reportedSince) {
        return jdbc.query(
                LIVE_SINCE,
                (rs, n) -> new RouteFiles.LiveFile(
                        rs.getString("hub"), rs.getString("file"), routes(rs), instant(rs, "loaded_at")),
                timestamp(reportedSince));
    }

    /** The latest refused edit of each file, on every hub that has reported since then. */
    List<RouteFiles.RefusedEdit> refused(Instant reportedSince) {
        return jdbc.query(
                REFUSED_SINCE,
                (rs, n) -> new RouteFiles.RefusedEdit(
                        rs.getString("hub"),
                        rs.getString("file"),
                        rs.getInt("refused_line"),
                        rs.getString("refused_reason"),
                        instant(rs, "refused_at")),
                timestamp(reportedSince));
    }

    private static LinkedHashSet<String> routes(ResultSet rs) throws SQLException {
        Array routes = rs.getArray("routes");
        return new LinkedHashSet<>(Arrays.asList((String[]) routes.getArray()));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }
}
