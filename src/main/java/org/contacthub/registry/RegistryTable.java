package org.contacthub.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.contacthub.load.Channel;

/** The registry's SQL against contact_point; each method runs inside the caller's transaction. */
final class RegistryTable {

    // Blocks placeholder inserts for the few milliseconds of a load, so that a placeholder cannot appear
    // between replacing placeholders and committing; it also keeps two registry loads from interleaving.
    private static final String LOCK = "lock table contact_point in share row exclusive mode";

    private static final String UPSERT = """
            insert into contact_point (channel, identifier, name, service, department, public_facing,
                                       valid_from, valid_to, verified_by, verified_on, registered)
            values (?, ?, ?, ?, ?, ?, coalesce(?, '-infinity'::date), ?, ?, ?, true)
            on conflict (channel, identifier, valid_from) do update
               set name = excluded.name, service = excluded.service, department = excluded.department,
                   public_facing = excluded.public_facing, valid_to = excluded.valid_to,
                   verified_by = excluded.verified_by, verified_on = excluded.verified_on,
                   registered = true, updated_at = now()
             where (contact_point.name, contact_point.service, contact_point.department,
                    contact_point.public_facing, contact_point.valid_to, contact_point.verified_by,
                    contact_point.verified_on, contact_point.registered)
                   is distinct from
                   (excluded.name, excluded.service, excluded.department, excluded.public_facing,
                    excluded.valid_to, excluded.verified_by, excluded.verified_on, true)
            """;

    private static final String REGISTERED_KEYS = """
            select id, channel, identifier, nullif(valid_from, '-infinity'::date) as valid_from
              from contact_point
             where registered
            """;

    private static final String DELETE_BY_ID = "delete from contact_point where id = any (?)";

    private static final String DELETE_REPLACED_PLACEHOLDERS = """
            delete from contact_point placeholder
             where not placeholder.registered
               and exists (select 1
                             from contact_point entry
                            where entry.registered
                              and entry.channel = placeholder.channel
                              and entry.identifier = placeholder.identifier)
            """;

    private static final String FIND = """
            select channel, identifier, name, service, department, public_facing,
                   nullif(valid_from, '-infinity'::date) as valid_from, valid_to, verified_by, verified_on
              from contact_point
             where registered
               and channel = ?
               and identifier = ?
               and valid_from <= ?
               and (valid_to is null or valid_to >= ?)
             order by valid_from desc
             limit 1
            """;

    private RegistryTable() {}

    static void lock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(LOCK);
        }
    }

    static void upsert(Connection connection, List<ContactPoint> entries) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            for (ContactPoint entry : entries) {
                bindEntry(statement, entry);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Deletes registered rows the file no longer lists and returns how many went. */
    static int removeUnlisted(Connection connection, List<ContactPoint> entries) throws SQLException {
        Set<Key> listed = new HashSet<>();
        entries.forEach(entry -> listed.add(new Key(entry.channel(), entry.identifier(), entry.validFrom())));
        List<Long> unlisted = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(REGISTERED_KEYS);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                if (!listed.contains(key(rows))) {
                    unlisted.add(rows.getLong("id"));
                }
            }
        }
        return deleteById(connection, unlisted);
    }

    static int removeReplacedPlaceholders(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(DELETE_REPLACED_PLACEHOLDERS)) {
            return statement.executeUpdate();
        }
    }

    static Optional<ContactPoint> find(Connection connection, Channel channel, String identifier, LocalDate day)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FIND)) {
            statement.setString(1, channel.code());
            statement.setString(2, identifier);
            statement.setObject(3, day);
            statement.setObject(4, day);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(entry(rows)) : Optional.empty();
            }
        }
    }

    private static void bindEntry(PreparedStatement statement, ContactPoint entry) throws SQLException {
        statement.setString(1, entry.channel().code());
        statement.setString(2, entry.identifier());
        statement.setString(3, entry.name());
        statement.setString(4, entry.service());
        statement.setString(5, entry.department());
        statement.setBoolean(6, entry.publicFacing());
        setDate(statement, 7, entry.validFrom());
        setDate(statement, 8, entry.validTo());
        statement.setString(9, entry.verifiedBy());
        setDate(statement, 10, entry.verifiedOn());
    }

    private static void setDate(PreparedStatement statement, int index, LocalDate day) throws SQLException {
        if (day == null) {
            statement.setNull(index, Types.DATE);
        } else {
            statement.setObject(index, day);
        }
    }

    private static int deleteById(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement statement = connection.prepareStatement(DELETE_BY_ID)) {
            statement.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            return statement.executeUpdate();
        }
    }

    private static Key key(ResultSet row) throws SQLException {
        return new Key(
                Channel.fromCode(row.getString("channel")),
                row.getString("identifier"),
                row.getObject("valid_from", LocalDate.class));
    }

    private static ContactPoint entry(ResultSet row) throws SQLException {
        return new ContactPoint(
                Channel.fromCode(row.getString("channel")),
                row.getString("identifier"),
                row.getString("name"),
                row.getString("service"),
                row.getString("department"),
                row.getBoolean("public_facing"),
                row.getObject("valid_from", LocalDate.class),
                row.getObject("valid_to", LocalDate.class),
                row.getString("verified_by"),
                row.getObject("verified_on", LocalDate.class));
    }

    private record Key(Channel channel, String identifier, LocalDate validFrom) {}
}
