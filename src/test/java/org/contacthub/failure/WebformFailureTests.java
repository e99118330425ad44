package org.contacthub.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.contacthub.webform.FormPageCollector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A broken forms-API page lands in the store as a page to replay, and its replay loads it exactly once. */
class WebformFailureTests extends HubServer {

    private static final String SUBMISSION = """
            {"items":[{"submissionId":"wf-1","formId":"report-a-pothole","formAlias":"Report a pothole",\
            "state":"submitted","isTest":false,"createdAt":"2024-05-01T09:00:00Z",\
            "updatedAt":"2024-05-02T10:00:00Z","deletedAt":null}],"nextCursor":null,"hasMore":false}""";

    @Autowired
    private FormPageCollector collector;

    @Test
    void keepsABrokenPageAndLoadsItOnceWhenReplayedAfterThePlatformIsFixed() throws Exception {
        formsApiAnswers("not json at all");
        collector.collect();

        Map<String, Object> failed =
                jdbc.queryForMap("select * from failed_message where source = 'webform' and error_type = 'broken-page'"
                        + " and status = 'failed'");
        assertThat(failed)
                .containsEntry("unit", "page")
                .containsEntry("route_id", "collect-form-pages")
                .containsEntry("entry_point", "direct:replay-form-pages")
                .containsEntry("status", "failed");
        long id = (Long) failed.get("id");

        formsApiAnswers(SUBMISSION);
        HttpResponse<String> replay = send("POST", "/api/failed-messages/" + id + "/replay", "support", null);

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("\"replayed\":true");
        assertThat(loadedSubmissions()).isEqualTo(1);
        assertThat(jdbc.queryForMap("select status, replayed_run_id, resolved_by from failed_message where id = ?", id))
                .containsEntry("status", "replayed")
                .containsEntry("resolved_by", "support")
                .satisfies(row -> assertThat(row.get("replayed_run_id")).isNotNull());

        HttpResponse<String> again = send("POST", "/api/failed-messages/" + id + "/replay", "support", null);
        collector.collect();

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(loadedSubmissions()).isEqualTo(1);
    }

    @Test
    void keepsItFailedWithOneMoreAttemptWhenTheReplayFailsAgain() throws Exception {
        formsApiAnswers("{\"not\":\"a page\"}");
        collector.collect();
        Map<String, Object> failed = jdbc.queryForMap(
                "select id, attempts from failed_message where source = 'webform' and status = 'failed'"
                        + " and error_type = 'broken-page'");

        HttpResponse<String> replay =
                send("POST", "/api/failed-messages/" + failed.get("id") + "/replay", "admin", null);

        assertThat(replay.body()).contains("\"replayed\":false");
        assertThat(jdbc.queryForMap("select status, attempts from failed_message where id = ?", failed.get("id")))
                .containsEntry("status", "failed")
                .containsEntry("attempts", (Integer) failed.get("attempts") + 1);
        formsApiHasNothingNew();
        send("POST", "/api/failed-messages/" + failed.get("id") + "/discard", "admin", "{\"reason\":\"test done\"}");
    }

    private long loadedSubmissions() {
        return jdbc.queryForObject("select count(*) from contact_event where natural_key like '%wf-1'", Long.class);
    }
}
