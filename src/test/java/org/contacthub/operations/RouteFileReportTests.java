package org.contacthub.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.contacthub.support.HubTestContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A hub that does not watch its route files still confirms what it runs, so every hub's page keeps it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class RouteFileReportTests {

    private static final String REPORTED = """
            select max(reported_at) from route_file_state where hub = ?""";

    @Autowired
    private RouteFiles routeFiles;

    @Autowired
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        HubTestContext.isolate(registry);
        registry.add("camel.main.routes-include-pattern", () -> "file:routes/registry.yaml");
        registry.add("contacthub.operations.routes.watch", () -> "false");
        registry.add("contacthub.operations.routes.report-every", () -> "500ms");
    }

    @Test
    void aHubThatDoesNotWatchItsFilesKeepsConfirmingThemAndStaysListed() {
        OffsetDateTime first = reported();

        // Past four report intervals (2 s), the first confirmation alone would no longer be shown.
        await().atMost(Duration.ofSeconds(30)).until(() -> reported().isAfter(first.plus(Duration.ofMillis(2500))));

        assertThat(routeFiles.clusterLiveFiles()).singleElement().satisfies(file -> {
            assertThat(file.hub()).isEqualTo(ThisHub.NAME);
            assertThat(file.routes()).containsExactly("load-contact-point-registry");
        });
    }

    private OffsetDateTime reported() {
        return jdbc.queryForObject(REPORTED, OffsetDateTime.class, ThisHub.NAME);
    }
}
