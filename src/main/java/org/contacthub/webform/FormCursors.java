package org.contacthub.webform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** The saved cursor of each form platform, in {@code webform_cursor}. */
final class FormCursors {

    private static final String FIND =
            "select updated_since, cursor, seen_until from webform_cursor where platform = ?";

    private static final String SAVE = """
            insert into webform_cursor (platform, updated_since, cursor, seen_until, updated_at)
            values (?, ?, ?, ?, now())
            on conflict (platform) do update
               set updated_since = excluded.updated_since, cursor = excluded.cursor,
                   seen_until = excluded.seen_until, updated_at = now()""";

    private final DataSource dataSource;

    FormCursors(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Optional<FormCursor> find(String platform) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setString(1, platform);
            try (ResultSet row = find.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(
                        new FormCursor(instant(row.getTimestamp(1)), row.getString(2), instant(row.getTimestamp(3))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the webform cursor of " + platform, e);
        }
    }

    /** Saves the cursor on the caller's connection, inside the transaction that commits the page's contacts. */
    void save(Connection connection, String platform, FormCursor cursor) throws SQLException {
        try (PreparedStatement save = connection.prepareStatement(SAVE)) {
            save.setString(1, platform);
            save.setTimestamp(2, Timestamp.from(cursor.updatedSince()));
            save.setString(3, cursor.cursor());
            save.setTimestamp(4, cursor.seenUntil() == null ? null : Timestamp.from(cursor.seenUntil()));
            save.executeUpdate();
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
