package org.contacthub.reporting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import javax.sql.DataSource;

/**
 * A demo-like history of contacts for every registered contact point, written straight into
 * contact_event (the aggregate triggers fill contact_daily): weekday rhythm, a gentle season,
 * noise, a surge of highways contacts in the latest complete week, and a few unregistered numbers.
 */
final class GeneratedHistory {

    private static final String RUN = """
            insert into collection_run (source, source_ref, status, ended_at) values (?, 'generated history',
                   'succeeded', now()) returning id""";

    private static final String CONTACTS = """
            insert into contact_event (channel, contact_point, occurred_at, natural_key, outcome, wait_seconds,
                   talk_seconds, auto_reply, bulk, bounce, internal, spam, run_id)
            select p.channel, p.identifier,
                   (d + time '08:00' + n * interval '97 seconds') at time zone 'Europe/London',
                   'history-' || p.channel || '-' || p.identifier || '-' || d::date || '-' || n,
                   case when p.channel <> 'phone' then null when random() < 0.87 then 'answered'
                        when random() < 0.85 then 'abandoned' else 'other' end,
                   case when p.channel = 'phone' then (random() * random() * 150)::integer end,
                   case when p.channel = 'phone' then (60 + random() * 400)::integer end,
                   case when p.channel = 'email' then random() < 0.07 end,
                   case when p.channel = 'email' then random() < 0.05 end,
                   case when p.channel = 'email' then random() < 0.02 end,
                   case when p.channel = 'email' then random() < 0.04 end,
                   case when p.channel = 'email' then false end,
                   ?
              from (select distinct channel, identifier, service from contact_point
                     where registered and public_facing) p
             cross join generate_series(?::date, ?::date, interval '1 day') d
             cross join lateral generate_series(1, greatest(1, round(
                   (case p.channel when 'phone' then 44 when 'email' then 14 else 9 end)
                   * (0.7 + (abs(hashtext(p.identifier)) % 7) / 10.0)
                   * (case extract(isodow from d) when 6 then 0.25 when 7 then 0.15 when 1 then 1.3 else 1 end)
                   * (1 + 0.15 * sin(2 * pi() * extract(doy from d) / 365.0))
                   * (0.85 + 0.3 * random())
                   * (case when p.service = 'Highways' and d >= ? and d < ? then 2.2 else 1 end))::integer)) n""";

    private static final String UNKNOWN = """
            insert into contact_point (channel, identifier, registered, first_seen_at) values
                   ('phone', '+441632960777', false, now() - interval '20 days'),
                   ('webform', 'report-fly-tipping', false, now() - interval '9 days')""";

    private static final String UNKNOWN_CONTACTS = """
            insert into contact_event (channel, contact_point, occurred_at, natural_key, outcome, run_id)
            select channel, identifier, now() - n * interval '3 hours', 'unknown-' || identifier || '-' || n,
                   case when channel = 'phone' then 'answered' end, ?
              from contact_point cross join generate_series(1, 60) n where not registered""";

    private GeneratedHistory() {}

    /** Writes the history from {@code first} to {@code last}, with the surge in the week before {@code today}'s. */
    static void write(DataSource dataSource, LocalDate first, LocalDate last, LocalDate today) throws SQLException {
        LocalDate surge = Grain.WEEK.start(today).minusWeeks(1);
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("select setseed(0.42)");
                statement.execute(UNKNOWN);
            }
            long run = run(connection, "history");
            try (PreparedStatement insert = connection.prepareStatement(CONTACTS)) {
                insert.setLong(1, run);
                insert.setObject(2, first);
                insert.setObject(3, last);
                insert.setObject(4, surge);
                insert.setObject(5, surge.plusWeeks(1));
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(UNKNOWN_CONTACTS)) {
                insert.setLong(1, run(connection, "phone"));
                insert.executeUpdate();
            }
        }
    }

    private static long run(Connection connection, String source) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(RUN)) {
            insert.setString(1, source);
            try (var id = insert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }
}
