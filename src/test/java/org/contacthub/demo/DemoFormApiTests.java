package org.contacthub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoFormApiTests {

    private static final Instant UNTIL = Instant.parse("2024-06-01T00:00:00Z");

    @Test
    void includesTestsAndDraftsAcrossEveryForm() {
        List<DemoSubmissions.Submission> submissions = DemoSubmissions.generate(UNTIL, 4000);

        assertThat(submissions).hasSize(4000);
        assertThat(submissions).anyMatch(DemoSubmissions.Submission::test);
        assertThat(submissions).anyMatch(s -> s.state().equals("draft"));
        assertThat(submissions.stream().map(DemoSubmissions.Submission::formId).distinct())
                .hasSize(7);
    }

    @Test
    void pagesThroughEverySubmissionWithItsCursor() throws Exception {
        try (DemoFormApi api = DemoFormApi.start(DemoSubmissions.generate(UNTIL, 250), "key")) {
            HttpClient http = HttpClient.newHttpClient();

            String first = get(http, api.baseUrl() + "/submissions?updated_since=2022-11-01T00:00:00Z&limit=200");
            String cursor = first.replaceAll(".*\"nextCursor\":\"([^\"]+)\".*", "$1");
            String last = get(
                    http,
                    api.baseUrl() + "/submissions?updated_since=2022-11-01T00:00:00Z&limit=200" + "&cursor=" + cursor);

            assertThat(first).contains("\"hasMore\":true").contains("demo-000001");
            assertThat(last).contains("\"hasMore\":false").contains("\"nextCursor\":null");
            assertThat(last.split("\"submissionId\"")).hasSize(51);
        }
    }

    @Test
    void refusesARequestWithoutTheKey() throws Exception {
        try (DemoFormApi api = DemoFormApi.start(DemoSubmissions.generate(UNTIL, 10), "key")) {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(api.baseUrl() + "/submissions"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(401);
        }
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(url)).header("Api-Key", "key").build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
