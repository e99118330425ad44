package org.contacthub.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.contacthub.email.InboxMailCollector;
import org.contacthub.support.FormsApiStub;
import org.contacthub.support.HubTestContext;
import org.contacthub.support.SftpDrop;
import org.contacthub.webform.FormPageCollector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Backfills re-read what was already collected and add nothing, and their progress reaches done. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class BackfillTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final SftpDrop drop = SftpDrop.start();
    private static final WireMockServer forms = FormsApiStub.answering(page());

    @Autowired
    private Backfills backfills;

    @Autowired
    private FormPageCollector formPages;

    @Autowired
    private InboxMailCollector inboxes;

    @Autowired
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        HubTestContext.isolate(registry);
        registry.add("camel.main.routes-include-pattern", () -> "file:routes/phone.yaml");
        registry.add("contacthub.webform.base-url", forms::baseUrl);
        registry.add("contacthub.webform.auth.api-key", () -> "test-key");
        drop.register(registry, drop.trustedKnownHosts());
    }

    @AfterAll
    static void stopServers() throws IOException {
        drop.close();
        forms.stop();
    }

    @Test
    void backfillOfArchivedCallFilesAddsNothingAndReachesDone() {
        drop.put(Path.of("config/layouts/samples/canonical.csv"), "canonical-2025-01-15.csv");
        await().atMost(WAIT)
                .until(() -> drop.archived("canonical-2025-01-15.csv").toFile().exists());
        long contacts = contacts("phone");

        Backfills.Outcome outcome = backfills.start(ScheduledSource.PHONE, LocalDate.of(2025, 1, 1));
        BackfillRun.BackfillProgress done = awaitEnd("phone");

        assertThat(outcome).isEqualTo(Backfills.Outcome.STARTED);
        assertThat(done.state()).isEqualTo(BackfillRun.State.DONE);
        assertThat(done.unitsDone()).isEqualTo(1);
        assertThat(done.unitsTotal()).isEqualTo(1);
        assertThat(done.percentDone()).isEqualTo(100.0);
        assertThat(done.loaded()).isZero();
        assertThat(done.duplicate()).isEqualTo(contacts);
        assertThat(contacts("phone")).isEqualTo(contacts);
    }

    @Test
    void backfillOfFormsFromAWatermarkAddsNothingAndReachesDone() {
        formPages.collect();
        long contacts = contacts("webform");

        Backfills.Outcome outcome = backfills.start(ScheduledSource.WEBFORM, LocalDate.of(2024, 1, 1));
        BackfillRun.BackfillProgress done = awaitEnd("webform");

        assertThat(contacts).isPositive();
        assertThat(outcome).isEqualTo(Backfills.Outcome.STARTED);
        assertThat(done.state()).isEqualTo(BackfillRun.State.DONE);
        assertThat(done.unitsDone()).isEqualTo(1);
        assertThat(done.percentDone()).isEqualTo(100.0);
        assertThat(done.loaded()).isZero();
        assertThat(done.duplicate()).isEqualTo(contacts);
        assertThat(contacts("webform")).isEqualTo(contacts);
    }

    @Test
    void backfillOfInboxesFromADayAddsNothingLeavesTheCursorsAndReachesDone() {
        inboxes.collectAll();
        long contacts = contacts("email");
        List<Map<String, Object>> cursors = jdbc.queryForList("select * from email_folder_cursor order by inbox");

        Backfills.Outcome outcome =
                backfills.start(ScheduledSource.EMAIL, LocalDate.now().minusDays(60));
        BackfillRun.BackfillProgress done = awaitEnd("email");

        assertThat(contacts).isPositive();
        assertThat(outcome).isEqualTo(Backfills.Outcome.STARTED);
        assertThat(done.state()).isEqualTo(BackfillRun.State.DONE);
        assertThat(done.unitsTotal()).isEqualTo(cursors.size());
        assertThat(done.unitsDone()).isEqualTo(cursors.size());
        assertThat(done.percentDone()).isEqualTo(100.0);
        assertThat(done.loaded()).isZero();
        assertThat(done.duplicate()).isEqualTo(contacts);
        assertThat(contacts("email")).isEqualTo(contacts);
        assertThat(jdbc.queryForList("select * from email_folder_cursor order by inbox"))
                .isEqualTo(cursors);
    }

    @Test
    void refusesASecondBackfillOfASourceThatAnotherHubIsRunning() {
        jdbc.update("""
                insert into backfill_run (source, from_day, state, hub, units_done, started_at, updated_at)
                values ('webform', '2025-01-01', 'running', '4242@other-hub', 3, now(), now())""");

        Backfills.Outcome outcome = backfills.start(ScheduledSource.WEBFORM, LocalDate.of(2024, 1, 1));

        assertThat(outcome).isEqualTo(Backfills.Outcome.ALREADY_RUNNING);
        assertThat(backfills.all())
                .filteredOn(each -> each.source().equals("webform"))
                .singleElement()
                .satisfies(shown -> {
                    assertThat(shown.hub()).isEqualTo("4242@other-hub");
                    assertThat(shown.state()).isEqualTo(BackfillRun.State.RUNNING);
                    assertThat(shown.unitsDone()).isEqualTo(3);
                });
        jdbc.update("delete from backfill_run where source = 'webform'");
    }

    @Test
    void marksABackfillLeftByAStoppedHubFailedAndStartsAgain() {
        jdbc.update("""
                insert into backfill_run (source, from_day, state, hub, started_at, updated_at)
                values ('webform', '2025-01-01', 'running', '4242@stopped-hub', now() - interval '1 hour',
                        now() - interval '10 minutes')""");

        Backfills.Outcome outcome = backfills.start(ScheduledSource.WEBFORM, LocalDate.of(2024, 1, 1));
        BackfillRun.BackfillProgress done = awaitEnd("webform");

        assertThat(outcome).isEqualTo(Backfills.Outcome.STARTED);
        assertThat(done.state()).isEqualTo(BackfillRun.State.DONE);
        assertThat(done.hub()).isNotEqualTo("4242@stopped-hub");
        assertThat(jdbc.queryForMap("select state, problem from backfill_run where hub = '4242@stopped-hub'"))
                .containsEntry("state", "failed")
                .satisfies(
                        left -> assertThat((String) left.get("problem")).contains("4242@stopped-hub", "no progress"));
    }

    private BackfillRun.BackfillProgress awaitEnd(String source) {
        return await().atMost(WAIT)
                .until(
                        () -> backfills.all().stream()
                                .filter(each -> each.source().equals(source))
                                .findFirst()
                                .orElseThrow(),
                        progress -> progress.state() != BackfillRun.State.RUNNING);
    }

    private long contacts(String source) {
        return jdbc.queryForObject(
                "select coalesce(sum(loaded_count), 0) from collection_run where source = ?", Long.class, source);
    }

    private static String page() {
        String items = submission("s1", "01") + "," + submission("s2", "02");
        return "{\"items\":[" + items + "],\"hasMore\":false}";
    }

    private static String submission(String id, String minute) {
        return """
                {"submissionId":"%s","formId":"f1","formAlias":"Report a pothole","state":"submitted",\
                "isTest":false,"createdAt":"2024-05-01T09:%s:00Z","updatedAt":"2024-05-02T10:%s:00Z",\
                "deletedAt":null}""".formatted(id, minute, minute);
    }
}
