package org.contacthub.webform;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/** Settings and pages for the webform tests: the default contract, with backoff short enough to never slow a test. */
final class WebformFixtures {

    static final String PLATFORM = "test-forms";
    static final String ANSWER = "Ann Example lives at 1 Sample Street";

    private static final String ITEM = """
                {"submissionId":"%s","formId":"%s","formAlias":"Report a pothole","state":"%s","isTest":%s,\
                "createdAt":"2024-05-01T09:%s:00Z","updatedAt":"2024-05-02T10:%s:00Z","deletedAt":null,\
                "answers":{"description":"%s","email":"ann@example.invalid"}}""";

    private WebformFixtures() {}

    static WebformSettings settings(String baseUrl) {
        return settings(baseUrl, http(3, Duration.ofSeconds(5)), apiKey());
    }

    static WebformSettings settings(String baseUrl, WebformSettings.Http http, WebformSettings.Auth auth) {
        return new WebformSettings(
                PLATFORM,
                baseUrl,
                "/submissions",
                auth,
                2,
                50,
                1_000_000,
                LocalDate.of(2022, 11, 1),
                List.of("submitted"),
                new WebformSettings.QueryNames("updated_since", "cursor", "limit"),
                new WebformSettings.FieldMapping(
                        "/items",
                        "/nextCursor",
                        "/hasMore",
                        "/submissionId",
                        "/formId",
                        "/formAlias",
                        "/state",
                        "/isTest",
                        "/createdAt",
                        "/updatedAt",
                        "/deletedAt"),
                http);
    }

    static WebformSettings.Http http(int maxAttempts, Duration requestTimeout) {
        return new WebformSettings.Http(
                Duration.ofSeconds(2), requestTimeout, maxAttempts, Duration.ofMillis(1), Duration.ofSeconds(60));
    }

    static WebformSettings.Auth apiKey() {
        return new WebformSettings.Auth("api-key", "Api-Key", "test-key", null, null, null, null);
    }

    /** A submission as the platform sends it, answers included, so tests can check they are dropped. */
    static String item(String id, String formId, String state, boolean test) {
        return ITEM.formatted(id, formId, state, test, minute(id), minute(id), ANSWER);
    }

    static String page(String nextCursor, boolean hasMore, String... items) {
        String cursor = nextCursor == null ? "null" : "\"" + nextCursor + "\"";
        return "{\"items\":[" + String.join(",", items) + "],\"nextCursor\":" + cursor + ",\"hasMore\":" + hasMore
                + "}";
    }

    static java.time.Instant updatedAt(String id) {
        return java.time.Instant.parse("2024-05-02T10:" + minute(id) + ":00Z");
    }

    private static String minute(String id) {
        return "%02d".formatted(Math.floorMod(id.hashCode(), 60));
    }
}
