package org.contacthub.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.contacthub.load.CallOutcome;
import org.contacthub.load.CollectionRuns;
import org.contacthub.load.ContactLoader;
import org.contacthub.load.ContactRecord;
import org.contacthub.load.ContactSink;
import org.contacthub.load.MailFlags;
import org.contacthub.support.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The reporting views and the dashboard queries on contacts loaded through the real loader. */
class ReportingViewsTests {

    private JdbcTemplate jdbc;
    private ContactLoader loader;
    private DashboardQueries queries;

    @BeforeEach
    void freshDatabase() {
        var database = TestPostgres.newDatabase();
        jdbc = new JdbcTemplate(database.dataSource());
        loader = new ContactLoader(database.dataSource(), new CollectionRuns(database.dataSource()), 2);
        queries = new DashboardQueries(database.dataSource());
        register(
                "phone",
                "+441632960050",
                "Waste Services",
                "Environment and Infrastructure",
                "-infinity",
                "2024-03-31");
        register("phone", "+441632960050", "Waste Services", "Place", "2024-04-01", null);
        register("email", "waste@northshire.example", "Waste Services", "Place", "-infinity", null);
    }

    @Test
    void countsABritishSummerTimeEveningOnTheNextLondonDay() {
        loader.load("phone", "a.csv", sink -> call(sink, "1", "2025-07-01T23:30:00Z", CallOutcome.ANSWERED, 5));

        assertThat(jdbc.queryForList("select reporting_day::text, contacts from report_contacts_daily"))
                .containsExactly(Map.of("reporting_day", "2025-07-02", "contacts", 1L));
    }

    @Test
    void servesDailyVolumesFromTheAggregateUnderEachDaysDepartment() {
        loader.load("phone", "a.csv", sink -> {
            call(sink, "1", "2024-03-31T12:00:00Z", CallOutcome.ANSWERED, 5);
            call(sink, "2", "2024-03-31T13:00:00Z", CallOutcome.ABANDONED, 5);
            call(sink, "3", "2024-04-01T09:00:00Z", CallOutcome.ANSWERED, 5);
        });

        List<Map<String, Object>> volumes =
                new VolumeQueries(jdbc).volumesByDay(LocalDate.parse("2024-03-01"), LocalDate.parse("2024-04-30"));

        assertThat(volumes)
                .extracting(row -> row.get("day"), row -> row.get("department"), row -> row.get("contacts"))
                .containsExactly(
                        tuple("2024-03-31", "Environment and Infrastructure", 2L), tuple("2024-04-01", "Place", 1L));
    }

    @Test
    void countsAWinterEveningOnTheSameLondonDay() {
        loader.load("phone", "a.csv", sink -> call(sink, "1", "2025-01-01T23:30:00Z", CallOutcome.ANSWERED, 5));

        Map<String, Object> week =
                jdbc.queryForMap("select week_start::text, iso_year, iso_week, contacts from report_contacts_weekly");

        assertThat(jdbc.queryForObject("select reporting_day::text from report_contacts_daily", String.class))
                .isEqualTo("2025-01-01");
        assertThat(week)
                .containsEntry("week_start", "2024-12-30")
                .containsEntry("iso_year", 2025)
                .containsEntry("iso_week", 1);
    }

    @Test
    void reportsAServiceThatMovedUnderEachDaysDepartment() {
        loader.load("phone", "a.csv", sink -> {
            call(sink, "1", "2024-03-31T12:00:00Z", CallOutcome.ANSWERED, 5);
            call(sink, "2", "2024-03-31T22:59:00Z", CallOutcome.ANSWERED, 5);
            call(sink, "3", "2024-03-31T23:01:00Z", CallOutcome.ANSWERED, 5);
        });

        List<Map<String, Object>> months = jdbc.queryForList(
                "select month_start::text, department, contacts from report_contacts_monthly order by month_start");

        assertThat(months)
                .containsExactly(
                        Map.of(
                                "month_start",
                                "2024-03-01",
                                "department",
                                "Environment and Infrastructure",
                                "contacts",
                                2L),
                        Map.of("month_start", "2024-04-01", "department", "Place", "contacts", 1L));
    }

    @Test
    void reportsAnUnknownNumberAsNotRegistered() {
        loader.load(
                "phone",
                "a.csv",
                sink -> call(sink, "1", "2025-03-03T10:00:00Z", CallOutcome.ANSWERED, 5, "+441632969999"));

        Map<String, Object> day = jdbc.queryForMap("select department, registered from report_contacts_daily");

        assertThat(day).containsEntry("department", "Not registered").containsEntry("registered", false);
        assertThat(queries.unregistered().asMaps())
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("identifier", "+441632969999")
                        .containsEntry("contacts", 1L));
    }

    @Test
    void measuresCallsAgainstTheAnswerTarget() {
        loader.load("phone", "a.csv", sink -> {
            call(sink, "1", "2025-03-03T10:00:00Z", CallOutcome.ANSWERED, 10);
            call(sink, "2", "2025-03-03T10:01:00Z", CallOutcome.ANSWERED, 20);
            call(sink, "3", "2025-03-03T10:02:00Z", CallOutcome.ANSWERED, 60);
            call(sink, "4", "2025-03-03T10:03:00Z", CallOutcome.ABANDONED, 90);
        });

        Map<String, Object> measures = jdbc.queryForMap("""
                select offered, answered, abandoned, abandonment_rate::text, average_wait_answered_seconds::text,
                       answered_within_target, share_answered_within_target::text from report_phone_measures""");

        assertThat(measures)
                .containsEntry("offered", 4L)
                .containsEntry("answered", 3L)
                .containsEntry("abandoned", 1L)
                .containsEntry("abandonment_rate", "0.2500")
                .containsEntry("average_wait_answered_seconds", "30.0")
                .containsEntry("answered_within_target", 2L)
                .containsEntry("share_answered_within_target", "0.5000");
    }

    @Test
    void recountsTheAggregateWhenTheAnswerTargetChanges() {
        loader.load("phone", "a.csv", sink -> {
            call(sink, "1", "2025-03-03T10:00:00Z", CallOutcome.ANSWERED, 10);
            call(sink, "2", "2025-03-03T10:01:00Z", CallOutcome.ANSWERED, 60);
        });

        jdbc.update("update reporting_setting set value = '60' where name = 'answer_target_seconds'");
        jdbc.queryForObject("select rebuild_contact_daily()", Long.class);

        assertThat(jdbc.queryForObject("select answered_within_target from report_phone_measures", Long.class))
                .isEqualTo(2L);
    }

    @Test
    void countsMailWithAndWithoutAutomatedMessages() {
        loader.load("email", "waste", sink -> {
            mail(sink, "1", new MailFlags(false, false, false, false, false));
            mail(sink, "2", new MailFlags(true, false, false, false, false));
            mail(sink, "3", new MailFlags(false, true, false, false, false));
            mail(sink, "4", new MailFlags(false, false, true, false, false));
        });

        Map<String, Object> counts = jdbc.queryForMap("""
                select received, auto_replies, received_excluding_auto_replies, bulk, bounces,
                       received_excluding_automated from report_email_counts""");

        assertThat(counts)
                .containsEntry("received", 4L)
                .containsEntry("auto_replies", 1L)
                .containsEntry("received_excluding_auto_replies", 3L)
                .containsEntry("bulk", 1L)
                .containsEntry("bounces", 1L)
                .containsEntry("received_excluding_automated", 1L);
    }

    @Test
    void leavesAChannelBlankNotZeroBeforeItsDataBegins() {
        loader.load("phone", "a.csv", sink -> call(sink, "1", "2025-03-03T10:00:00Z", CallOutcome.ANSWERED, 5));
        loader.load("email", "waste", sink -> mail(sink, "1", "2025-03-05T10:00:00Z"));
        DashboardFilter days = DashboardFilter.council(LocalDate.parse("2025-03-03"), LocalDate.parse("2025-03-06"));

        ReportTable trend = queries.trend(days);

        assertThat(trend.columns())
                .extracting(ReportTable.Column::name)
                .containsExactly("period_start", "phone", "email", "total");
        assertThat(trend.asMaps()).extracting(row -> row.get("email")).containsExactly(null, null, 1L, 0L);
        assertThat(trend.asMaps()).extracting(row -> row.get("phone")).containsExactly(1L, 0L, 0L, 0L);
        assertThat(jdbc.queryForList("select channel, share_of_month::text from report_channel_mix order by channel"))
                .containsExactly(
                        Map.of("channel", "email", "share_of_month", "0.5000"),
                        Map.of("channel", "phone", "share_of_month", "0.5000"));
    }

    @Test
    void honoursAConfiguredChannelStart() {
        loader.load("email", "waste", sink -> mail(sink, "1", "2025-03-05T10:00:00Z"));
        jdbc.update("insert into reporting_channel_start values ('email', '2025-03-04')");

        ReportTable trend =
                queries.trend(DashboardFilter.council(LocalDate.parse("2025-03-03"), LocalDate.parse("2025-03-05")));

        assertThat(trend.asMaps()).extracting(row -> row.get("email")).containsExactly(null, 0L, 1L);
    }

    @Test
    void keepsTheAggregateExactWhenTheSameInputIsLoadedAgain() {
        loader.load("phone", "a.csv", this::mixedCalls);

        loader.load("phone", "a.csv", this::mixedCalls);

        assertThat(aggregate()).isEqualTo(recount());
        assertThat(jdbc.queryForObject("select sum(contacts) from contact_daily", Long.class))
                .isEqualTo(5L);
    }

    @Test
    void keepsTheAggregateExactWhenContactsAreDeleted() {
        loader.load("phone", "a.csv", this::mixedCalls);

        jdbc.update("delete from contact_event where natural_key in ('1', '4')");

        assertThat(aggregate()).isEqualTo(recount());
    }

    @Test
    void drillsFromDepartmentToServiceToContactPoint() {
        loader.load("phone", "a.csv", this::mixedCalls);
        DashboardFilter march = DashboardFilter.council(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-31"));

        ReportTable departments = queries.breakdown(march);
        ReportTable services = queries.breakdown(march.withDepartment("Place"));
        ReportTable points = queries.breakdown(march.withDepartment("Place").withService("Waste Services"));

        assertThat(departments.asMaps())
                .singleElement()
                .satisfies(row -> assertThat(row).containsEntry("name", "Place").containsEntry("total", 5L));
        assertThat(departments.rows().get(0).link()).contains("department=Place");
        assertThat(services.asMaps()).extracting(row -> row.get("name")).containsExactly("Waste Services");
        assertThat(points.rows().get(0).link()).contains("channel=phone", "point=%2B441632960050");
    }

    @Test
    void flagsAWeekAndAMonthFarAboveTheirBaselines() {
        LocalDate latestWeek = LocalDate.parse("2025-06-09");
        loader.load("phone", "weeks.csv", sink -> {
            callsInWeekOf(sink, LocalDate.parse("2024-06-10"), 10);
            for (int back = 1; back <= 12; back++) {
                callsInWeekOf(sink, latestWeek.minusWeeks(back), back % 2 == 1 ? 10 : 12);
            }
            callsInWeekOf(sink, latestWeek, 40);
        });

        List<Map<String, Object>> flagged =
                queries.highsAndLows(LocalDate.parse("2025-06-18")).asMaps();

        assertThat(flagged)
                .extracting(
                        row -> row.get("period"),
                        row -> row.get("period_start"),
                        row -> row.get("service"),
                        row -> row.get("contacts"),
                        row -> row.get("year_ago"),
                        row -> row.get("flag"))
                .containsExactlyInAnyOrder(
                        tuple("Week", latestWeek, "Waste Services", 40L, 10L, "High"),
                        tuple("Month", LocalDate.parse("2025-05-01"), "Waste Services", 44L, null, "High"));
        assertThat(flagged.stream().filter(row -> row.get("period").equals("Week")))
                .singleElement()
                .satisfies(week -> assertThat(week).containsEntry("baseline_mean", 11.0));
    }

    /** {@code count} answered calls on the Tuesday of the week starting {@code monday}, a minute apart. */
    private static void callsInWeekOf(ContactSink sink, LocalDate monday, int count) {
        for (int i = 0; i < count; i++) {
            String at = monday.plusDays(1) + "T10:" + String.format("%02d", i) + ":00Z";
            call(sink, monday + "-" + i, at, CallOutcome.ANSWERED, 5);
        }
    }

    private void mixedCalls(ContactSink sink) {
        call(sink, "1", "2025-03-03T10:00:00Z", CallOutcome.ANSWERED, 10);
        call(sink, "2", "2025-03-03T23:30:00Z", CallOutcome.ABANDONED, 40);
        call(sink, "3", "2025-03-04T08:00:00Z", CallOutcome.OTHER, null);
        call(sink, "4", "2025-03-04T09:00:00Z", CallOutcome.ANSWERED, 25);
        call(sink, "5", "2025-03-05T09:00:00Z", CallOutcome.ANSWERED, null);
    }

    private List<Map<String, Object>> aggregate() {
        return jdbc.queryForList("select * from contact_daily order by reporting_day, channel, contact_point");
    }

    private List<Map<String, Object>> recount() {
        jdbc.queryForObject("select rebuild_contact_daily()", Long.class);
        return aggregate();
    }

    private void register(String channel, String identifier, String service, String dept, String from, String to) {
        jdbc.update("""
                insert into contact_point (channel, identifier, name, service, department, valid_from, valid_to)
                values (?, ?, ?, ?, ?, ?::date, ?::date)""", channel, identifier, service, service, dept, from, to);
    }

    private static void call(ContactSink sink, String key, String at, CallOutcome outcome, Integer wait) {
        call(sink, key, at, outcome, wait, "+441632960050");
    }

    private static void call(
            ContactSink sink, String key, String at, CallOutcome outcome, Integer wait, String number) {
        sink.accept(ContactRecord.call(number, Instant.parse(at), key, "a.csv", 1, false, outcome, wait, 30));
    }

    private static void mail(ContactSink sink, String key, MailFlags flags) {
        sink.accept(ContactRecord.mail(
                "waste@northshire.example", Instant.parse("2025-03-05T10:00:00Z"), key, "INBOX", 1, flags));
    }

    private static void mail(ContactSink sink, String key, String at) {
        sink.accept(ContactRecord.mail(
                "waste@northshire.example",
                Instant.parse(at),
                key,
                "INBOX",
                1,
                new MailFlags(false, false, false, false, false)));
    }
}
