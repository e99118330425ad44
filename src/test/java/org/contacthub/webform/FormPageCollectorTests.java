package org.contacthub.webform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.contacthub.webform.WebformFixtures.ANSWER;
import static org.contacthub.webform.WebformFixtures.item;
import static org.contacthub.webform.WebformFixtures.page;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.contacthub.load.CollectionRuns;
import org.contacthub.load.ContactLoader;
import org.contacthub.support.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class FormPageCollectorTests {

    private final WireMockServer server =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final List<Duration> pauses = new ArrayList<>();
    private DataSource dataSource;
    private JdbcTemplate jdbc;
    private ContactLoader loader;

    @BeforeEach
    void start() {
        server.start();
        dataSource = TestPostgres.newDatabase().dataSource();
        jdbc = new JdbcTemplate(dataSource);
        loader = new ContactLoader(dataSource, new CollectionRuns(dataSource), 100);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void pagesToTheEndAndStartsTheNextSyncFromTheNewestUpdate() {
        threePages();

        FormPollResult result = collector().collect();

        assertThat(result.succeeded()).isTrue();
        assertThat(result.pages()).isEqualTo(3);
        assertThat(result.loaded()).isEqualTo(5);
        assertThat(jdbc.queryForList("select natural_key from contact_event order by natural_key", String.class))
                .containsExactly("test-forms:s1", "test-forms:s2", "test-forms:s3", "test-forms:s4", "test-forms:s5");
        assertThat(cursor()).containsEntry("cursor", null);
        Instant newest = Stream.of("s1", "s2", "s3", "s4", "s5")
                .map(WebformFixtures::updatedAt)
                .max(Instant::compareTo)
                .orElseThrow();
        assertThat(jdbc.queryForObject("select updated_since from webform_cursor", Timestamp.class)
                        .toInstant())
                .isEqualTo(newest);
        server.verify(getRequestedFor(urlPathEqualTo("/submissions"))
                .withQueryParam("updated_since", equalTo("2022-11-01T00:00:00Z"))
                .withQueryParam("limit", equalTo("2")));
    }

    @Test
    void savesTheCursorOnlyWithTheCommittedPage() {
        threePages();
        failTheLoadOfPage(2);

        FormPollResult result = collector().collect();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.pages()).isEqualTo(1);
        assertThat(count("contact_event")).isEqualTo(2);
        assertThat(cursor()).containsEntry("cursor", "c2");
        assertThat(jdbc.queryForList("select status from collection_run order by id", String.class))
                .containsExactly("succeeded", "failed");
    }

    @Test
    void resumesAfterARestartMidWayWithoutDuplicates() {
        threePages();
        failTheLoadOfPage(2);
        collector().collect();
        loader.observe(org.contacthub.load.LoadObserver.NONE);

        FormPollResult afterRestart = collector().collect();

        assertThat(afterRestart.succeeded()).isTrue();
        assertThat(count("contact_event")).isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(distinct natural_key) from contact_event", Long.class))
                .isEqualTo(5);
        server.verify(1, firstPageRequest());
    }

    @Test
    void keepsAMalformedPageAsAFailedInputAndStopsBeforeIt() {
        stubPage(firstPage(), page("c2", true, item("s1", "report-a-pothole", "submitted", false)));
        stubPage(
                pageWithCursor("c2"),
                "{\"results\":[{\"answers\":\"" + ANSWER + "\"}],\"hasMore\":true,"
                        + "\"nextCursor\":\"c3\",\"requester\":\"" + ANSWER + "\"}");

        FormPollResult result = collector().collect();

        assertThat(result.failure()).contains("has no list of items at /items");
        assertThat(count("contact_event")).isEqualTo(1);
        assertThat(cursor()).containsEntry("cursor", "c2");
        Map<String, Object> failed = jdbc.queryForMap("select * from failed_message");
        assertThat(failed)
                .containsEntry("source", "webform")
                .containsEntry("route_id", "collect-form-pages")
                .containsEntry("entry_point", "direct:replay-form-pages")
                .containsEntry("status", "failed")
                .containsEntry("payload", "{\"nextCursor\":\"c3\",\"hasMore\":true}");
        assertThat(jdbc.queryForObject(
                        "select error from collection_run where id = ?", String.class, failed.get("run_id")))
                .contains("has no list of items");
        server.verify(0, getRequestedFor(urlPathEqualTo("/submissions")).withQueryParam("cursor", equalTo("c3")));
    }

    @Test
    void countsTheSameBrokenPageAgainInsteadOfKeepingItTwice() {
        stubPage(firstPage(), "not json at all");

        collector().collect();
        collector().collect();

        assertThat(jdbc.queryForMap("select attempts, payload, error_type from failed_message"))
                .containsEntry("attempts", 2)
                .containsEntry("payload", null)
                .containsEntry("error_type", "broken-page");
        assertThat(count("webform_cursor")).isZero();
    }

    @Test
    void countsNeitherTestsNorDraftsNorOtherStates() {
        stubPage(
                firstPage(),
                page(
                        null,
                        false,
                        item("s1", "apply-blue-badge", "submitted", false),
                        item("s2", "apply-blue-badge", "draft", false),
                        item("s3", "apply-blue-badge", "submitted", true),
                        item("s4", "apply-blue-badge", " Submitted ", false)));

        FormPollResult result = collector().collect();

        assertThat(result.loaded()).isEqualTo(2);
        assertThat(result.skipped()).isEqualTo(2);
        assertThat(jdbc.queryForList("select natural_key, form_state from contact_event order by natural_key"))
                .containsExactly(
                        Map.of("natural_key", "test-forms:s1", "form_state", "submitted"),
                        Map.of("natural_key", "test-forms:s4", "form_state", "submitted"));
        assertThat(jdbc.queryForObject("select read_count from collection_run", Long.class))
                .isEqualTo(2);
    }

    @Test
    void neitherCountsALaterUpdateAgainNorRemovesADeletedSubmission() {
        stubPage(firstPage(), page(null, false, item("s1", "contact-us", "submitted", false)));
        collector().collect();
        server.resetAll();
        String deleted = item("s1", "contact-us", "deleted", false)
                .replace("\"deletedAt\":null", "\"deletedAt\":\"2024-06-01T00:00:00Z\"");
        stubPage(get(urlPathEqualTo("/submissions")), page(null, false, deleted));

        collector().collect();

        assertThat(jdbc.queryForList("select natural_key, form_state from contact_event"))
                .containsExactly(Map.of("natural_key", "test-forms:s1", "form_state", "submitted"));
    }

    @Test
    void rejectsOneBadItemWithoutItsAnswersAndLoadsTheRest() {
        String badTime = item("s2", "contact-us", "submitted", false).replace("2024-05-01T09", "yesterday at 09");
        stubPage(firstPage(), page(null, false, item("s1", "contact-us", "submitted", false), badTime));

        FormPollResult result = collector().collect();

        assertThat(result.loaded()).isEqualTo(1);
        assertThat(result.rejected()).isEqualTo(1);
        Map<String, Object> rejected = jdbc.queryForMap("select location, reason, record from rejected_record");
        assertThat(rejected.get("location")).isEqualTo("item 2 of page 1 of this poll");
        assertThat((String) rejected.get("reason")).contains("/createdAt");
        assertThat((String) rejected.get("record"))
                .contains("\"submissionId\":\"s2\"")
                .doesNotContain("answers");
    }

    @Test
    void neverStoresTheAnswers() {
        threePages();
        String badForm = item("s9", " ", "submitted", false);
        stubPage(pageWithCursor("c3"), page(null, false, item("s5", "contact-us", "submitted", false), badForm));

        collector().collect();

        assertThat(jdbc.queryForObject(
                        "select count(*) from (select t::text as row from contact_event t union all"
                                + " select r::text from rejected_record r union all"
                                + " select f::text from failed_message f"
                                + " union all select c::text from collection_run c) rows"
                                + " where row like '%Ann Example%' or row like '%example.invalid%'",
                        Long.class))
                .isZero();
        assertThat(count("rejected_record")).isEqualTo(1);
    }

    @Test
    void endsTheRunAsFailedAndKeepsTheCursorWhenTheApiKeepsFailing() {
        stubPage(firstPage(), page("c2", true, item("s1", "contact-us", "submitted", false)));
        server.stubFor(pageWithCursor("c2").willReturn(aResponse().withStatus(503)));

        FormPollResult result = collector().collect();

        assertThat(result.failure()).isEqualTo("The forms API still failed after 3 tries: HTTP 503");
        assertThat(cursor()).containsEntry("cursor", "c2");
        assertThat(jdbc.queryForMap("select status, error from collection_run order by id desc limit 1"))
                .containsEntry("status", "failed")
                .containsEntry("error", "The forms API still failed after 3 tries: HTTP 503");
    }

    private void threePages() {
        stubPage(
                firstPage(),
                page(
                        "c2",
                        true,
                        item("s1", "report-a-pothole", "submitted", false),
                        item("s2", "missed-bin-collection", "submitted", false)));
        stubPage(
                pageWithCursor("c2"),
                page(
                        "c3",
                        true,
                        item("s3", "apply-blue-badge", "submitted", false),
                        item("s4", "contact-us", "submitted", false)));
        stubPage(pageWithCursor("c3"), page(null, false, item("s5", "contact-us", "submitted", false)));
    }

    private void failTheLoadOfPage(int failing) {
        AtomicInteger pages = new AtomicInteger();
        loader.observe((runId, rows) -> {
            if (pages.incrementAndGet() == failing) {
                throw new IllegalStateException("The database went away");
            }
        });
    }

    private MappingBuilder firstPage() {
        return get(urlPathEqualTo("/submissions")).withQueryParam("cursor", absent());
    }

    private static MappingBuilder pageWithCursor(String cursor) {
        return get(urlPathEqualTo("/submissions")).withQueryParam("cursor", equalTo(cursor));
    }

    private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder firstPageRequest() {
        return getRequestedFor(urlPathEqualTo("/submissions")).withQueryParam("cursor", absent());
    }

    private void stubPage(MappingBuilder request, String body) {
        server.stubFor(request.withHeader("Api-Key", equalTo("test-key")).willReturn(okJson(body)));
    }

    private FormPageCollector collector() {
        return WebformConfiguration.collector(
                WebformFixtures.settings(server.baseUrl()),
                loader,
                new CollectionRuns(dataSource),
                dataSource,
                pauses::add);
    }

    private Map<String, Object> cursor() {
        return jdbc.queryForMap("select cursor, updated_since from webform_cursor");
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
