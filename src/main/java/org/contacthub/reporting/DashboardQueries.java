package org.contacthub.reporting;

import static org.contacthub.reporting.ReportTable.Kind.COUNT;
import static org.contacthub.reporting.ReportTable.Kind.DATE;
import static org.contacthub.reporting.ReportTable.Kind.DECIMAL;
import static org.contacthub.reporting.ReportTable.Kind.SCORE;
import static org.contacthub.reporting.ReportTable.Kind.SECONDS;
import static org.contacthub.reporting.ReportTable.Kind.SHARE;
import static org.contacthub.reporting.ReportTable.Kind.SIGNED_SHARE;
import static org.contacthub.reporting.ReportTable.Kind.TEXT;
import static org.contacthub.reporting.ReportTable.Kind.TIME;

import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.contacthub.reporting.ReportTable.Column;
import org.contacthub.reporting.ReportTable.Row;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every table the dashboard shows, read from the daily aggregate joined to the registry by day, so
 * each query touches a few rows per day and contact point however many contacts were loaded. Channels
 * come from the data: a new channel appears in every table without a change here.
 */
@Repository
public class DashboardQueries {

    /** The tables in the order the dashboard shows them; each is also a CSV download and a JSON resource. */
    public static final List<String> TABLES = List.of(
            "channel-totals",
            "trend",
            "breakdown",
            "highs-and-lows",
            "phone-measures",
            "email-counts",
            "freshness",
            "unregistered",
            "verification");

    private static final String FILTER = " " + """
             reporting_day between :from and :to
             and (cast(:department as text) is null or department = :department)
             and (cast(:service as text) is null or service = :service)
             and (cast(:channel as text) is null or (channel = :channel and contact_point = :point))""";

    private static final String CHANNEL_STARTS =
            "select channel, starts_on from report_channel_start order by starts_on, channel";

    private static final String TOTALS =
            "select channel, sum(contacts) from report_contact_point_day where" + FILTER + " group by channel";

    private static final String TREND = """
            select date_trunc(:unit, reporting_day)::date as period_start, channel, sum(contacts) as contacts
              from report_contact_point_day where""" + FILTER + " group by 1, 2";

    private static final String BY_DEPARTMENT = """
            select department as label, null as point, channel, sum(contacts) as contacts
              from report_contact_point_day where""" + FILTER + " group by department, channel";

    private static final String BY_SERVICE = """
            select service as label, null as point, channel, sum(contacts) as contacts
              from report_contact_point_day where""" + FILTER + " group by service, channel";

    private static final String BY_CONTACT_POINT =
            """
            select contact_point_name as label, contact_point as point, channel, sum(contacts) as contacts
              from report_contact_point_day where""" + FILTER + " group by contact_point_name, contact_point, channel";

    private static final String PHONE = """
            select contact_point_name, contact_point, service, sum(contacts) as offered, sum(answered) as answered,
                   sum(abandoned) as abandoned, sum(answered_wait_seconds) as wait, sum(answered_with_wait) as waits,
                   sum(answered_within_target) as on_target
              from report_contact_point_day where channel = 'phone' and""" + FILTER + """

             group by contact_point_name, contact_point, service order by offered desc, contact_point""";

    private static final String EMAIL = """
            select contact_point_name, contact_point, service, sum(contacts) as received,
                   sum(auto_reply) as auto_replies, sum(bulk) as bulk, sum(bounce) as bounces,
                   sum(person_sent) as person_sent, sum(internal) as internal, sum(spam) as spam
              from report_contact_point_day where channel = 'email' and""" + FILTER + """

             group by contact_point_name, contact_point, service order by received desc, contact_point""";

    // Weeks and months in one pass over the aggregate: the grouping-set that leaves the week out is the month.
    private static final String SERIES = """
            select case when grouping(date_trunc('week', reporting_day)) = 0 then 'week' else 'month' end as grain,
                   coalesce(date_trunc('week', reporting_day),
                            date_trunc('month', reporting_day))::date as period_start,
                   service, channel, sum(contacts) as contacts
              from report_contact_point_day
             where registered and reporting_day between :from and :to
             group by grouping sets ((date_trunc('week', reporting_day), service, channel),
                                     (date_trunc('month', reporting_day), service, channel))""";

    private static final String FRESHNESS = """
            with recursive sources (source) as (
                (select source from collection_run order by source limit 1)
                union all
                select (select r.source from collection_run r where r.source > s.source order by r.source limit 1)
                  from sources s where s.source is not null)
            select s.source, good.ended_at as last_good_run, latest.status as latest_status,
                   latest.started_at as latest_run, recent.failed, recent.rejected,
                   (select count(*) from failed_message f where f.source = s.source
                       and f.status not in ('replayed', 'discarded')) as open
              from sources s
              left join lateral (select ended_at from collection_run r where r.source = s.source
                                    and r.status = 'succeeded' order by started_at desc limit 1) good on true
              left join lateral (select status, started_at from collection_run r where r.source = s.source
                                  order by started_at desc limit 1) latest on true
              left join lateral (select count(*) filter (where status = 'failed') as failed,
                                        coalesce(sum(rejected_count), 0) as rejected
                                   from collection_run r where r.source = s.source and r.started_at >= :since) recent
                on true
             where s.source is not null
             order by s.source""";

    private static final String UNREGISTERED = """
            select p.channel, p.identifier, p.first_seen_at::date as first_seen,
                   max(d.reporting_day) as last_seen, coalesce(sum(d.contacts), 0) as contacts
              from contact_point p
              left join contact_daily d on d.channel = p.channel and d.contact_point = p.identifier
             where not p.registered
             group by p.channel, p.identifier, p.first_seen_at
             order by contacts desc, p.channel, p.identifier""";

    private static final String VERIFICATION = """
            select department, service, channel, identifier, name, verified_by, verified_on
              from contact_point
             where registered and valid_from <= :today and (valid_to is null or valid_to >= :today)
               and (cast(:department as text) is null or department = :department)
               and (cast(:service as text) is null or service = :service)
               and (not :unverified or verified_on is null)
             order by verified_on nulls first, department, service, channel, identifier""";

    private static final String DEPARTMENTS = """
            select distinct department from contact_point where registered and department is not null
             order by department""";

    private static final String SERVICES = """
            select distinct service from contact_point
             where registered and service is not null
               and (cast(:department as text) is null or department = :department)
             order by service""";

    private static final int FRESHNESS_DAYS = 7;

    private final NamedParameterJdbcTemplate jdbc;
    private final ReportingSettings settings;

    /** Queries over the given reporting database with the default settings, for tools and benchmarks. */
    public DashboardQueries(DataSource dataSource) {
        this(new NamedParameterJdbcTemplate(dataSource), ReportingSettings.defaults());
    }

    @Autowired
    DashboardQueries(NamedParameterJdbcTemplate jdbc, ReportingSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Any table of {@link #TABLES} by its id. */
    public ReportTable table(String id, DashboardFilter filter, LocalDate today) {
        return switch (id) {
            case "channel-totals" -> channelTotals(filter);
            case "trend" -> trend(filter);
            case "breakdown" -> breakdown(filter);
            case "highs-and-lows" -> highsAndLows(today);
            case "phone-measures" -> phoneMeasures(filter);
            case "email-counts" -> emailCounts(filter);
            case "freshness" -> freshness();
            case "unregistered" -> unregistered();
            case "verification" -> verification(filter, today);
            default -> throw new IllegalArgumentException("No dashboard table " + id);
        };
    }

    /** The first reporting day of every channel, earliest first: configured, or its first day with data. */
    public Map<String, LocalDate> channelStarts() {
        Map<String, LocalDate> starts = new LinkedHashMap<>();
        jdbc.query(CHANNEL_STARTS, rs -> {
            starts.put(rs.getString(1), rs.getObject(2, LocalDate.class));
        });
        return starts;
    }

    /** Contacts per channel over the period, with each channel's share; channels not yet started are left out. */
    public ReportTable channelTotals(DashboardFilter filter) {
        Map<String, Long> counts = countsByChannel(TOTALS, parameters(filter));
        List<String> channels = channelsStartedBy(filter.to());
        long total =
                channels.stream().mapToLong(c -> counts.getOrDefault(c, 0L)).sum();
        List<Row> rows = new ArrayList<>();
        for (String channel : channels) {
            long contacts = counts.getOrDefault(channel, 0L);
            rows.add(Row.of(cells(channel, contacts, share(contacts, total))));
        }
        rows.add(Row.of(cells("All channels", total, total == 0 ? null : 1.0)));
        return new ReportTable(
                "channel-totals",
                "Contacts by channel",
                List.of(
                        new Column("channel", "Channel", TEXT),
                        new Column("contacts", "Contacts", COUNT),
                        new Column("share", "Share", SHARE)),
                rows);
    }

    /**
     * Contacts per period and channel. A channel's cell is empty (null), not zero, for a period that
     * ended before the channel started.
     */
    public ReportTable trend(DashboardFilter filter) {
        Grain grain = filter.grain();
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(TREND, parameters(filter).addValue("unit", grain.unit()), rs -> {
            counts.put(rs.getObject(1, LocalDate.class) + "|" + rs.getString(2), rs.getLong(3));
        });
        Map<String, LocalDate> starts = channelStarts();
        List<String> channels = channelsStartedBy(filter.to());
        List<Row> rows = new ArrayList<>();
        LocalDate last = filter.to();
        for (LocalDate period = grain.start(filter.from()); !period.isAfter(last); period = grain.next(period)) {
            rows.add(Row.of(trendCells(period, grain.end(period), channels, starts, counts)));
        }
        return new ReportTable(
                "trend",
                "Contacts per " + grain.unit() + " by channel",
                channelColumns(
                        new Column("period_start", grain == Grain.DAY ? "Day" : grain.unit() + " starting", DATE),
                        channels),
                rows);
    }

    private static List<Object> trendCells(
            LocalDate period,
            LocalDate end,
            List<String> channels,
            Map<String, LocalDate> starts,
            Map<String, Long> counts) {
        List<Object> cells = new ArrayList<>();
        cells.add(period);
        long total = 0;
        for (String channel : channels) {
            Long count = end.isBefore(starts.get(channel)) ? null : counts.getOrDefault(period + "|" + channel, 0L);
            cells.add(count);
            total += count == null ? 0 : count;
        }
        cells.add(total);
        return cells;
    }

    /**
     * Contacts one level below the filter's: by department for the council, by service for a
     * department, by contact point for a service. Each row links one level further down.
     */
    public ReportTable breakdown(DashboardFilter filter) {
        String sql = switch (filter.level()) {
            case COUNCIL -> BY_DEPARTMENT;
            case DEPARTMENT -> BY_SERVICE;
            case SERVICE, CONTACT_POINT -> BY_CONTACT_POINT;
        };
        Map<List<String>, Map<String, Long>> byLabel = new LinkedHashMap<>();
        jdbc.query(sql, parameters(filter), rs -> {
            List<String> key = java.util.Arrays.asList(rs.getString("label"), rs.getString("point"));
            byLabel.computeIfAbsent(key, k -> new HashMap<>()).put(rs.getString("channel"), rs.getLong("contacts"));
        });
        List<String> channels = channelsStartedBy(filter.to());
        List<Row> rows = new ArrayList<>();
        byLabel.forEach((key, counts) -> rows.add(breakdownRow(filter, key, counts, channels)));
        rows.sort(Comparator.comparing(
                        (Row row) -> -((Long) row.cells().get(row.cells().size() - 1)))
                .thenComparing(row -> (String) row.cells().get(0)));
        String heading = switch (filter.level()) {
            case COUNCIL -> "Department";
            case DEPARTMENT -> "Service";
            case SERVICE, CONTACT_POINT -> "Contact point";
        };
        return new ReportTable(
                "breakdown",
                "Contacts by " + heading.toLowerCase(java.util.Locale.ROOT),
                channelColumns(new Column("name", heading, TEXT), channels),
                rows);
    }

    private static Row breakdownRow(
            DashboardFilter filter, List<String> key, Map<String, Long> counts, List<String> channels) {
        List<Object> cells = new ArrayList<>();
        cells.add(key.get(0));
        long total = 0;
        for (String channel : channels) {
            long count = counts.getOrDefault(channel, 0L);
            cells.add(count);
            total += count;
        }
        cells.add(total);
        return new Row(cells, drillQuery(filter, key.get(0), key.get(1), counts));
    }

    private static String drillQuery(DashboardFilter filter, String label, String point, Map<String, Long> counts) {
        return switch (filter.level()) {
            case COUNCIL -> filter.withDepartment(label).query();
            case DEPARTMENT -> filter.withService(label).query();
            case SERVICE, CONTACT_POINT ->
                filter.withContactPoint(counts.keySet().iterator().next(), point)
                        .query();
        };
    }

    /** Phone measures per contact point over the period, with a total row. */
    public ReportTable phoneMeasures(DashboardFilter filter) {
        List<Row> rows = new ArrayList<>();
        long[] totals = new long[6];
        jdbc.query(PHONE, parameters(filter), rs -> {
            long[] measures = {
                rs.getLong("offered"),
                rs.getLong("answered"),
                rs.getLong("abandoned"),
                rs.getLong("wait"),
                rs.getLong("waits"),
                rs.getLong("on_target")
            };
            for (int i = 0; i < measures.length; i++) {
                totals[i] += measures[i];
            }
            rows.add(Row.of(phoneCells(rs.getString(1), rs.getString(2), rs.getString(3), measures)));
        });
        if (rows.size() > 1) {
            rows.add(Row.of(phoneCells("All phone contact points", null, null, totals)));
        }
        int target = settings.answerTargetSeconds();
        return new ReportTable(
                "phone-measures",
                "Phone measures by contact point",
                List.of(
                        new Column("contact_point_name", "Contact point", TEXT),
                        new Column("contact_point", "Number", TEXT),
                        new Column("service", "Service", TEXT),
                        new Column("offered", "Offered", COUNT),
                        new Column("answered", "Answered", COUNT),
                        new Column("abandoned", "Abandoned", COUNT),
                        new Column("abandonment_rate", "Abandonment rate", SHARE),
                        new Column("average_wait_answered_seconds", "Average wait of answered", SECONDS),
                        new Column("share_answered_within_target", "Answered within " + target + " s", SHARE)),
                rows);
    }

    private static List<Object> phoneCells(String name, String number, String service, long[] m) {
        return cells(
                name,
                number,
                service,
                m[0],
                m[1],
                m[2],
                share(m[2], m[0]),
                m[4] == 0 ? null : Math.round(m[3] * 10.0 / m[4]) / 10.0,
                share(m[5], m[0]));
    }

    /** Email counts per inbox over the period: all mail, and without auto-replies, bulk mail and bounces. */
    public ReportTable emailCounts(DashboardFilter filter) {
        List<Row> rows = jdbc.query(
                EMAIL,
                parameters(filter),
                (rs, n) -> Row.of(cells(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong("received"),
                        rs.getLong("received") - rs.getLong("auto_replies"),
                        rs.getLong("auto_replies"),
                        rs.getLong("bulk"),
                        rs.getLong("bounces"),
                        rs.getLong("person_sent"))));
        return new ReportTable(
                "email-counts",
                "Email by inbox",
                List.of(
                        new Column("contact_point_name", "Inbox", TEXT),
                        new Column("contact_point", "Address", TEXT),
                        new Column("service", "Service", TEXT),
                        new Column("received", "Received", COUNT),
                        new Column("received_excluding_auto_replies", "Without auto-replies", COUNT),
                        new Column("auto_replies", "Auto-replies", COUNT),
                        new Column("bulk", "Bulk", COUNT),
                        new Column("bounces", "Bounces", COUNT),
                        new Column("received_excluding_automated", "Without auto-replies, bulk and bounces", COUNT)),
                rows);
    }

    /**
     * Each service and channel's latest complete week and month against its trailing baseline and
     * the same period a year earlier; only the unusually high and low are listed, largest first.
     */
    public ReportTable highsAndLows(LocalDate today) {
        ReportingSettings.HighsAndLows config = settings.highsAndLows();
        Map<String, LocalDate> starts = channelStarts();
        List<Comparison> comparisons = List.of(
                new Comparison(Grain.WEEK, Grain.WEEK.start(today).minusWeeks(1), config.baselineWeeks(), starts),
                new Comparison(Grain.MONTH, Grain.MONTH.start(today).minusMonths(1), config.baselineMonths(), starts));
        MapSqlParameterSource parameters = new MapSqlParameterSource(
                        "from",
                        comparisons.stream()
                                .map(Comparison::first)
                                .min(Comparator.naturalOrder())
                                .orElseThrow())
                .addValue(
                        "to",
                        comparisons.stream()
                                .map(Comparison::last)
                                .max(Comparator.naturalOrder())
                                .orElseThrow());
        jdbc.query(SERIES, parameters, rs -> {
            Comparison comparison = rs.getString("grain").equals("week") ? comparisons.get(0) : comparisons.get(1);
            comparison.add(
                    rs.getObject("period_start", LocalDate.class),
                    List.of(rs.getString("service"), rs.getString("channel")),
                    rs.getLong("contacts"));
        });
        List<Row> rows = new ArrayList<>();
        for (Comparison comparison : comparisons) {
            rows.addAll(comparison.flagged(config.thresholds()));
        }
        return new ReportTable(
                "highs-and-lows",
                "Highs and lows",
                List.of(
                        new Column("period", "Period", TEXT),
                        new Column("period_start", "Starting", DATE),
                        new Column("service", "Service", TEXT),
                        new Column("channel", "Channel", TEXT),
                        new Column("contacts", "Contacts", COUNT),
                        new Column("baseline_mean", "Baseline mean", DECIMAL),
                        new Column("change_from_baseline", "Change from baseline", SIGNED_SHARE),
                        new Column("score", "Standard deviations", SCORE),
                        new Column("year_ago", "A year earlier", COUNT),
                        new Column("year_on_year", "Change on a year earlier", SIGNED_SHARE),
                        new Column("flag", "Flag", TEXT)),
                rows);
    }

    /**
     * One grain's side of the highs and lows: the counts by service and channel of the periods from the
     * year-earlier or first baseline period to the latest, and the unusual ones among them.
     */
    private static final class Comparison {
        private final Grain grain;
        private final LocalDate latest;
        private final LocalDate first;
        private final PeriodSeries periods;
        private final Map<List<String>, Map<LocalDate, Long>> series = new LinkedHashMap<>();

        Comparison(Grain grain, LocalDate latest, int baselinePeriods, Map<String, LocalDate> starts) {
            this.grain = grain;
            this.latest = latest;
            LocalDate yearAgo = grain == Grain.WEEK ? latest.minusWeeks(52) : latest.minusMonths(12);
            this.first = grain == Grain.WEEK
                    ? latest.minusWeeks(Math.max(52, baselinePeriods))
                    : latest.minusMonths(Math.max(12, baselinePeriods));
            this.periods = new PeriodSeries(grain, latest, baselinePeriods, yearAgo, starts);
        }

        LocalDate first() {
            return first;
        }

        LocalDate last() {
            return grain.end(latest);
        }

        /** Counts one period; a period outside this grain's range came from the other grain's wider one. */
        void add(LocalDate periodStart, List<String> serviceAndChannel, long contacts) {
            if (!periodStart.isBefore(first) && !periodStart.isAfter(latest)) {
                series.computeIfAbsent(serviceAndChannel, key -> new HashMap<>())
                        .put(periodStart, contacts);
            }
        }

        List<Row> flagged(Deviation.Thresholds thresholds) {
            List<Row> rows = new ArrayList<>();
            series.forEach((key, counts) -> periods.compare(key.get(1), counts, thresholds)
                    .filter(d -> d.flag() != Deviation.Flag.NORMAL)
                    .ifPresent(d -> rows.add(Row.of(deviationCells(grain, latest, key, d)))));
            rows.sort(Comparator.comparing(row -> -Math.abs(sizeOf(row))));
            return rows;
        }
    }

    private static double sizeOf(Row row) {
        Object score = row.cells().get(7);
        Object yearOnYear = row.cells().get(9);
        return score != null ? (Double) score : yearOnYear != null ? (Double) yearOnYear : 0;
    }

    private static List<Object> deviationCells(Grain grain, LocalDate latest, List<String> key, Deviation d) {
        Double change = d.baselineMean() > 0 ? (d.current() - d.baselineMean()) / d.baselineMean() : null;
        return cells(
                grain == Grain.WEEK ? "Week" : "Month",
                latest,
                key.get(0),
                key.get(1),
                d.current(),
                round(d.baselineMean(), 1),
                round(change, 3),
                round(d.score(), 2),
                d.yearAgo(),
                round(d.yearOnYear(), 3),
                d.flag() == Deviation.Flag.HIGH ? "High" : "Low");
    }

    /** Per source: the last good run, the latest run's status, failed runs and rejected records of the last week. */
    public ReportTable freshness() {
        MapSqlParameterSource since =
                new MapSqlParameterSource("since", OffsetDateTime.now().minusDays(FRESHNESS_DAYS));
        List<Row> rows = jdbc.query(
                FRESHNESS,
                since,
                (rs, n) -> Row.of(cells(
                        rs.getString("source"),
                        rs.getObject("last_good_run", OffsetDateTime.class),
                        rs.getString("latest_status"),
                        rs.getObject("latest_run", OffsetDateTime.class),
                        rs.getLong("failed"),
                        rs.getLong("rejected"),
                        rs.getLong("open"))));
        return new ReportTable(
                "freshness",
                "Data freshness",
                List.of(
                        new Column("source", "Source", TEXT),
                        new Column("last_good_run", "Last good run", TIME),
                        new Column("latest_status", "Latest run", TEXT),
                        new Column("latest_run_at", "Latest run started", TIME),
                        new Column("failed_runs_last_7_days", "Failed runs, last 7 days", COUNT),
                        new Column("rejected_records_last_7_days", "Rejected records, last 7 days", COUNT),
                        new Column("failed_messages_waiting", "Failed messages waiting", COUNT)),
                rows);
    }

    /** Identifiers seen in a source that nobody has registered, busiest first. */
    public ReportTable unregistered() {
        List<Row> rows = jdbc.query(
                UNREGISTERED,
                new MapSqlParameterSource(),
                (rs, n) -> Row.of(cells(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class),
                        rs.getLong(5))));
        return new ReportTable(
                "unregistered",
                "Unregistered contact points",
                List.of(
                        new Column("channel", "Channel", TEXT),
                        new Column("identifier", "Identifier", TEXT),
                        new Column("first_seen", "First seen", DATE),
                        new Column("last_seen", "Last day with contacts", DATE),
                        new Column("contacts", "Contacts", COUNT)),
                rows);
    }

    /** Today's registry entries within the filter's department and service, unverified first. */
    public ReportTable verification(DashboardFilter filter, LocalDate today) {
        MapSqlParameterSource parameters =
                parameters(filter).addValue("today", today).addValue("unverified", filter.unverifiedOnly());
        List<Row> rows = jdbc.query(
                VERIFICATION,
                parameters,
                (rs, n) -> Row.of(cells(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, LocalDate.class))));
        return new ReportTable(
                "verification",
                filter.unverifiedOnly() ? "Unverified contact points" : "Contact point verification",
                List.of(
                        new Column("department", "Department", TEXT),
                        new Column("service", "Service", TEXT),
                        new Column("channel", "Channel", TEXT),
                        new Column("identifier", "Identifier", TEXT),
                        new Column("name", "Name", TEXT),
                        new Column("verified_by", "Verified by", TEXT),
                        new Column("verified_on", "Verified on", DATE)),
                rows);
    }

    /** The registry's departments, for the page's department list. */
    public List<String> departments() {
        return jdbc.queryForList(DEPARTMENTS, new MapSqlParameterSource(), String.class);
    }

    /** The registry's services, within a department when one is given. */
    public List<String> services(String department) {
        MapSqlParameterSource parameters =
                new MapSqlParameterSource().addValue("department", department, Types.VARCHAR);
        return jdbc.queryForList(SERVICES, parameters, String.class);
    }

    private List<String> channelsStartedBy(LocalDate day) {
        List<String> channels = new ArrayList<>();
        channelStarts().forEach((channel, start) -> {
            if (!start.isAfter(day)) {
                channels.add(channel);
            }
        });
        return channels;
    }

    private Map<String, Long> countsByChannel(String sql, MapSqlParameterSource parameters) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(sql, parameters, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    private static List<Column> channelColumns(Column first, List<String> channels) {
        List<Column> columns = new ArrayList<>();
        columns.add(first);
        channels.forEach(channel -> columns.add(new Column(channel, channel, COUNT)));
        columns.add(new Column("total", "Total", COUNT));
        return columns;
    }

    private static MapSqlParameterSource parameters(DashboardFilter filter) {
        return new MapSqlParameterSource()
                .addValue("from", filter.from())
                .addValue("to", filter.to())
                .addValue("department", filter.department(), Types.VARCHAR)
                .addValue("service", filter.service(), Types.VARCHAR)
                .addValue("channel", filter.channel(), Types.VARCHAR)
                .addValue("point", filter.contactPoint(), Types.VARCHAR);
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : round(part / (double) whole, 4);
    }

    private static Double round(Double value, int places) {
        if (value == null) {
            return null;
        }
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }

    private static List<Object> cells(Object... values) {
        return java.util.Arrays.asList(values);
    }
}
