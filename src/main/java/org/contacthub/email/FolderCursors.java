package org.contacthub.email;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** Reads and saves the per-folder cursors; saving happens only inside a collection run's transaction. */
@Component
class FolderCursors {

    private static final String FIND = """
            select uid_validity, highest_uid from email_folder_cursor where inbox = ? and folder = ?""";

    private static final String SAVE = """
            insert into email_folder_cursor (inbox, folder, uid_validity, highest_uid) values (?, ?, ?, ?)
            on conflict (inbox, folder) do update
               set uid_validity = excluded.uid_validity, highest_uid = excluded.highest_uid, updated_at = now()""";

    private final DataSource dataSource;

    FolderCursors(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Optional<FolderCursor> find(String inbox, String folder) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setString(1, inbox);
            find.setString(2, folder);
            try (ResultSet row = find.executeQuery()) {
                return row.next() ? Optional.of(new FolderCursor(row.getLong(1), row.getLong(2))) : Optional.empty();
            }
        }
    }

    /** Saves the inbox's moved cursors on the run's connection, so they commit with its rows. */
    void save(Connection connection, String inbox, Map<String, FolderCursor> byFolder) throws SQLException {
        if (byFolder.isEmpty()) {
            return;
        }
        try (PreparedStatement save = connection.prepareStatement(SAVE)) {
            for (Map.Entry<String, FolderCursor> folder : byFolder.entrySet()) {
                save.setString(1, inbox);
                save.setString(2, folder.getKey());
                save.setLong(3, folder.getValue().uidValidity());
                save.setLong(4, folder.getValue().highestUid());
                save.addBatch();
            }
            save.executeBatch();
        }
    }
}
