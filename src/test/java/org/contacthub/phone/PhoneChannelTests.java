package org.contacthub.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.contacthub.support.SftpDrop;
import org.contacthub.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The phone channel end to end: files over real SFTP into real PostgreSQL through the YAML route. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PhoneChannelTests {

    private static final Path SAMPLES = Path.of("config/layouts/samples");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final SftpDrop drop = SftpDrop.start();

    @Autowired
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestPostgres.TestDatabase database = TestPostgres.newDatabase();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add(
                "camel.main.routes-include-pattern",
                () -> "file:routes/phone.yaml,file:routes/registry.yaml,file:routes/errors.yaml");
        drop.register(registry, drop.trustedKnownHosts());
    }

    @AfterAll
    static void stopDrop() throws IOException {
        drop.close();
    }

    @Test
    void loadsTheCanonicalSampleWithItsTimesAndOutcomes() {
        drop.put(SAMPLES.resolve("canonical.csv"), "canonical-sample.csv");

        Map<String, Object> run = awaitRun("canonical-sample.csv");

        assertThat(run).containsEntry("status", "succeeded");
        assertThat(run.get("loaded_count"))
                .isEqualTo(count("select count(*) from contact_event" + " where source_ref = 'canonical-sample.csv'"));
        assertThat(jdbc.queryForMap("select occurred_at, outcome, wait_seconds, talk_seconds, contact_point"
                        + " from contact_event where natural_key = 'canonical:CAN-0001'"))
                .containsEntry("outcome", "answered")
                .containsEntry("wait_seconds", 34)
                .containsEntry("talk_seconds", 312)
                .containsEntry("contact_point", "+441632960001");
        assertThat(instant("select occurred_at from contact_event where natural_key = 'canonical:CAN-0001'"))
                .isEqualTo(Instant.parse("2025-01-15T09:02:11Z"));
        // The route moves the file when the exchange completes, just after the run's commit.
        await().atMost(WAIT).until(() -> Files.exists(drop.archived("canonical-sample.csv")));
        assertThat(drop.drop("canonical-sample.csv")).doesNotExist();
    }

    @Test
    void loadsLocalTimeLayoutsAcrossGmtBstAndTheClockChanges() {
        drop.put(SAMPLES.resolve("contact-centre.csv"), "contact-centre-sample.csv");
        drop.put(SAMPLES.resolve("legacy-logger.csv"), "legacy-logger-sample.csv");

        Map<String, Object> contactCentre = awaitRun("contact-centre-sample.csv");
        Map<String, Object> legacy = awaitRun("legacy-logger-sample.csv");

        assertThat(List.of(contactCentre, legacy)).allSatisfy(run -> {
            assertThat(run).containsEntry("status", "succeeded");
            assertThat((Long) run.get("loaded_count")).isPositive();
        });
        for (String file : List.of("contact-centre-sample.csv", "legacy-logger-sample.csv")) {
            assertThat(count("select count(*) from contact_event where source_ref = ? and time_ambiguous", file))
                    .as("calls in the repeated autumn hour of %s", file)
                    .isPositive();
            assertThat(jdbc.queryForList("select reason from rejected_record where source_ref = ?", String.class, file))
                    .as("the spring-gap call of %s", file)
                    .anySatisfy(reason -> assertThat(reason).contains("clocks went forward"));
        }
        assertThat(instant("select min(occurred_at) from contact_event where source_ref = 'legacy-logger-sample.csv'"
                        + " and reporting_day = '2025-01-15'"))
                .as("a GMT time is stored as the same UTC time")
                .isEqualTo(Instant.parse("2025-01-15T09:01:12Z"));
        assertThat(count("select count(*) from contact_event where source_ref = 'legacy-logger-sample.csv'"
                        + " and extract(month from reporting_day) = 7"
                        + " and extract(hour from occurred_at at time zone 'UTC') + 1"
                        + " = extract(hour from occurred_at at time zone 'Europe/London')"))
                .as("BST calls are an hour behind in UTC")
                .isPositive();
    }

    @Test
    void countsAFileDroppedTwiceOnlyOnce() throws IOException {
        drop.put(SAMPLES.resolve("canonical.csv"), "canonical-first.csv");
        awaitRun("canonical-first.csv");
        long before = count("select count(*) from contact_event");

        drop.put(SAMPLES.resolve("canonical.csv"), "canonical-again.csv");
        Map<String, Object> again = awaitRun("canonical-again.csv");

        assertThat(again).containsEntry("status", "succeeded").containsEntry("loaded_count", 0L);
        assertThat(again.get("duplicate_count"))
                .isEqualTo(
                        again.get("read_count") instanceof Long read
                                ? read - (Long) again.get("rejected_count")
                                : null);
        assertThat(count("select count(*) from contact_event")).isEqualTo(before);
    }

    @Test
    void rejectsMalformedRowsWithReasonsAndLoadsTheRest() throws IOException {
        Path file = Files.createTempFile("malformed", ".csv");
        Files.write(
                file,
                List.of(
                        "call_id,started_at,dialled_number,caller_number,queue,wait_seconds,talk_seconds,outcome",
                        "BAD-1,2025-02-03T10:00:00Z,01632 960001,07700900401,Council Tax,10,100,answered",
                        "BAD-2,2025-02-03T10:01:00Z,01632 960001",
                        "BAD-3,yesterday,01632 960001,07700900403,Council Tax,10,100,answered",
                        "BAD-4,2025-02-03T10:03:00Z,01632 960001,07700900404,Council Tax,10,100,teleported",
                        "BAD-5,2025-02-03T10:04:00Z,01632 960001,07700900405," + "x".repeat(300) + ",10,100,answered",
                        "BAD-6,2025-02-03T10:05:00Z,\u0000\u0001\u0002,07700900406,Council Tax,10,100,answered",
                        "BAD-7,2025-02-03T10:06:00Z,01632 960010,07700900407,Council Tax,5,50,abandoned"));
        drop.put(file, "canonical-malformed.csv");

        Map<String, Object> run = awaitRun("canonical-malformed.csv");

        assertThat(run).containsEntry("read_count", 7L).containsEntry("rejected_count", 5L);
        assertThat(count("select count(*) from contact_event where source_ref = 'canonical-malformed.csv'"))
                .isEqualTo(2);
        assertThat(jdbc.queryForList(
                        "select location from rejected_record where source_ref = 'canonical-malformed.csv'"
                                + " order by id",
                        String.class))
                .containsExactly("line 3", "line 4", "line 5", "line 6", "line 7");
    }

    @Test
    void sendsAFileThatCannotBeReadToTheErrorFolderAndFailsItsRun() throws IOException {
        Path file = Files.createTempFile("unreadable", ".csv");
        Files.writeString(file, "this is not a call-record export\nat all\n", StandardCharsets.UTF_8);
        drop.put(file, "canonical-unreadable.csv");

        await().atMost(WAIT).until(() -> Files.exists(drop.failed("canonical-unreadable.csv")));

        assertThat(awaitRun("canonical-unreadable.csv")).containsEntry("status", "failed");
    }

    @Test
    void loadsAnUnknownDialledNumberAgainstAnUnregisteredContactPoint() {
        drop.put(SAMPLES.resolve("canonical.csv"), "canonical-unknown.csv");
        awaitRun("canonical-unknown.csv");

        assertThat(jdbc.queryForList(
                        "select registered from contact_point where channel = 'phone' and identifier = '+441632960099'",
                        Boolean.class))
                .containsExactly(false);
        assertThat(count("select count(*) from contact_event where contact_point = '+441632960099'"))
                .isPositive();
    }

    @Test
    void storesNoCallerNumberInAnyTextColumn() {
        drop.put(SAMPLES.resolve("canonical.csv"), "canonical-privacy.csv");
        drop.put(SAMPLES.resolve("contact-centre.csv"), "contact-centre-privacy.csv");
        drop.put(SAMPLES.resolve("legacy-logger.csv"), "legacy-logger-privacy.csv");
        List.of("canonical-privacy.csv", "contact-centre-privacy.csv", "legacy-logger-privacy.csv")
                .forEach(this::awaitRun);

        List<Map<String, Object>> columns = jdbc.queryForList("select table_name, column_name"
                + " from information_schema.columns where table_schema = 'public'"
                + " and data_type in ('text', 'character varying')");

        assertThat(columns)
                .isNotEmpty()
                .allSatisfy(column -> assertThat(
                                count("select count(*) from " + column.get("table_name") + " where regexp_replace("
                                        + column.get("column_name") + ", '[^0-9]', '', 'g') ~ '7700900'"))
                        .as("caller numbers in %s.%s", column.get("table_name"), column.get("column_name"))
                        .isZero());
    }

    private Map<String, Object> awaitRun(String file) {
        String finished = "select * from collection_run where source = 'phone' and source_ref = ?"
                + " and status <> 'running' order by id desc limit 1";
        await().atMost(WAIT).until(() -> !jdbc.queryForList(finished, file).isEmpty());
        return jdbc.queryForList(finished, file).get(0);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private Instant instant(String sql) {
        return jdbc.queryForObject(sql, java.time.OffsetDateTime.class).toInstant();
    }
}
