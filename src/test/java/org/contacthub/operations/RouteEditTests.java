package org.contacthub.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.contacthub.support.FormsApiStub;
import org.contacthub.support.HubTestContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Edited route files are checked before they replace running routes; a refused edit leaves collection running. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RouteEditTests {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path ROUTES = RouteFolder.copyOf("webform.yaml");
    private static final Path WEBFORM =
            ROUTES.resolve("webform.yaml").toAbsolutePath().normalize();
    private static final Path EXTRA =
            ROUTES.resolve("extra.yaml").toAbsolutePath().normalize();
    private static final String ORIGINAL = RouteFolder.read(WEBFORM);
    private static final String OTHER_HUB = """
            insert into route_file_state (hub, file, routes, loaded_at, reported_at) values (?, ?, ?, ?, ?)""";
    private static final WireMockServer forms = FormsApiStub.answering(FormsApiStub.EMPTY_PAGE);

    @LocalServerPort
    private int port;

    @Autowired
    private RouteFiles routeFiles;

    @Autowired
    private CamelContext camel;

    @Autowired
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        HubTestContext.isolate(registry);
        registry.add("camel.main.routes-include-pattern", () -> "file:" + ROUTES + "/*.yaml");
        registry.add("contacthub.operations.routes.poll-interval", () -> "200ms");
        registry.add("contacthub.webform.schedule", () -> "0/1 * * * * ?");
        registry.add("contacthub.webform.base-url", forms::baseUrl);
        registry.add("contacthub.webform.auth.api-key", () -> "test-key");
    }

    @AfterEach
    void restoreRoutes() throws IOException {
        Files.deleteIfExists(EXTRA);
        Files.writeString(WEBFORM, ORIGINAL);
        await().atMost(WAIT)
                .until(() -> routeFiles.refusedEdits().isEmpty()
                        && camel.getRoute("count-test-pings") == null
                        && routeFiles.liveFiles().size() == 1);
    }

    @AfterAll
    static void stopForms() {
        forms.stop();
    }

    @Test
    void refusesAFileThatIsNotValidYamlAndTheOldRoutesKeepCollecting() throws IOException {
        String broken = ORIGINAL + "\t- broken: true\n";

        Files.writeString(WEBFORM, broken);

        RouteFiles.RefusedEdit refusal = awaitRefusalOf(WEBFORM);
        assertThat(refusal.line()).isEqualTo(lines(ORIGINAL) + 1);
        assertThat(refusal.reason()).startsWith("not valid YAML");
        assertOldRoutesKeepCollecting();
    }

    @Test
    void refusesARouteIdThatAnotherFileAlreadyUses() throws IOException {
        String duplicate = """
                - route:
                    id: collect-form-pages
                    description: Copies the webform route by mistake.
                    from:
                      uri: direct:copied-form-pages
                      steps:
                        - log:
                            message: copied
                """;

        Files.writeString(EXTRA, duplicate);

        RouteFiles.RefusedEdit refusal = awaitRefusalOf(EXTRA);
        assertThat(refusal.line()).isEqualTo(2);
        assertThat(refusal.reason()).contains("collect-form-pages").contains("already used in " + WEBFORM);
        assertThat(routeFiles.liveFiles()).extracting(RouteFiles.LiveFile::file).containsExactly(WEBFORM.toString());
        assertOldRoutesKeepCollecting();
    }

    @Test
    void refusesAnEndpointWithNoComponent() throws IOException {
        String unknown = ORIGINAL.replace("uri: direct:replay-form-pages", "uri: nosuchcomponent:replay-form-pages");

        Files.writeString(WEBFORM, unknown);

        RouteFiles.RefusedEdit refusal = awaitRefusalOf(WEBFORM);
        assertThat(refusal.line()).isEqualTo(TextLines.of(unknown, "nosuchcomponent:"));
        assertThat(refusal.reason()).contains("nosuchcomponent:");
        assertThat(camel.getRoute("replay-form-pages").getEndpoint().getEndpointUri())
                .startsWith("direct://replay-form-pages");
        assertOldRoutesKeepCollecting();
    }

    @Test
    void refusesASettingThatHasNoValue() throws IOException {
        String unknown = ORIGINAL.replace("{{contacthub.webform.schedule}}", "{{contacthub.webform.no-such-schedule}}");

        Files.writeString(WEBFORM, unknown);

        RouteFiles.RefusedEdit refusal = awaitRefusalOf(WEBFORM);
        assertThat(refusal.line()).isEqualTo(TextLines.of(unknown, "no-such-schedule"));
        assertThat(refusal.reason()).contains("contacthub.webform.no-such-schedule");
        assertOldRoutesKeepCollecting();
    }

    @Test
    void refusesAnEditWhoseRoutesDoNotStartAndPutsTheLastGoodRoutesBack() throws IOException {
        // An endpoint option that does not exist passes the file check but stops the route from starting.
        String steps = "uri: direct:replay-form-pages\n      steps:\n";
        String unstartable =
                ORIGINAL.replace(steps, steps + "        - to:\n            uri: log:form?noSuchOption=true\n");
        assertThat(unstartable).contains("noSuchOption");

        Files.writeString(WEBFORM, unstartable);

        RouteFiles.RefusedEdit refusal = awaitRefusalOf(WEBFORM);
        assertThat(refusal.reason()).startsWith("the routes did not start").contains("noSuchOption");
        assertThat(camel.getRoute("replay-form-pages")).isNotNull();
        assertThat(camel.getRouteController().getRouteStatus("replay-form-pages"))
                .isEqualTo(ServiceStatus.Started);
        assertOldRoutesKeepCollecting();
    }

    @Test
    void aGoodEditGoesLiveAndARemovedRouteStops() throws IOException {
        String added = ORIGINAL + """

                - route:
                    id: count-test-pings
                    description: Counts test pings.
                    from:
                      uri: direct:count-test-pings
                      steps:
                        - log:
                            message: ping
                """;

        Files.writeString(WEBFORM, added);
        await().atMost(WAIT).until(() -> routeFiles.liveFiles().get(0).routes().size() == 3);
        boolean wentLive = routeFiles.liveFiles().get(0).routes().contains("count-test-pings")
                && camel.getRoute("count-test-pings") != null;
        Files.writeString(WEBFORM, ORIGINAL);
        await().atMost(WAIT).until(() -> routeFiles.liveFiles().get(0).routes().size() == 2);

        assertThat(wentLive).isTrue();
        assertThat(camel.getRoute("count-test-pings")).isNull();
        assertThat(routeFiles.refusedEdits()).isEmpty();
        assertThat(routeFiles.liveFiles().get(0).routes()).containsExactly("collect-form-pages", "replay-form-pages");
        assertOldRoutesKeepCollecting();
    }

    @Test
    void everyHubListsWhatEachHubOfTheClusterRunsAndRefusedButNotAHubThatStoppedReporting() throws IOException {
        Instant now = Instant.now();
        String[] routes = {"collect-form-pages", "replay-form-pages"};
        jdbc.update(OTHER_HUB, "9999@hub-2", WEBFORM.toString(), routes, Timestamp.from(now), Timestamp.from(now));
        jdbc.update(
                OTHER_HUB,
                "8888@hub-gone",
                WEBFORM.toString(),
                routes,
                Timestamp.from(now.minus(Duration.ofHours(1))),
                Timestamp.from(now.minus(Duration.ofHours(1))));
        try {
            Files.writeString(WEBFORM, ORIGINAL + "\t- broken: true\n");

            List<RouteFiles.RefusedEdit> refusals =
                    await().atMost(WAIT).until(routeFiles::clusterRefusedEdits, list -> !list.isEmpty());
            assertThat(refusals)
                    .extracting(RouteFiles.RefusedEdit::hub, RouteFiles.RefusedEdit::file, RouteFiles.RefusedEdit::line)
                    .containsExactly(tuple(ThisHub.NAME, WEBFORM.toString(), lines(ORIGINAL) + 1));
            assertThat(routeFiles.clusterLiveFiles())
                    .extracting(RouteFiles.LiveFile::hub, RouteFiles.LiveFile::file)
                    .containsExactlyInAnyOrder(
                            tuple(ThisHub.NAME, WEBFORM.toString()), tuple("9999@hub-2", WEBFORM.toString()));
            String page = get("/operations");
            assertThat(page)
                    .contains("9999@hub-2", ThisHub.NAME, "not valid YAML")
                    .doesNotContain("hub-gone");
            assertThat(get("/api/operations/routes"))
                    .contains("\"hub\":\"9999@hub-2\"")
                    .doesNotContain("hub-gone");

            Files.writeString(WEBFORM, ORIGINAL);

            await().atMost(WAIT).until(() -> routeFiles.clusterRefusedEdits().isEmpty());
            assertThat(routeFiles.clusterLiveFiles())
                    .filteredOn(file -> file.hub().equals(ThisHub.NAME))
                    .singleElement()
                    .satisfies(file -> assertThat(file.routes()).containsExactly(routes));
        } finally {
            jdbc.update("delete from route_file_state where hub <> ?", ThisHub.NAME);
        }
    }

    /** A page or API answer as the demo viewer, who may read both. */
    private String get(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("viewer:viewer".getBytes()))
                    .build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private RouteFiles.RefusedEdit awaitRefusalOf(Path file) {
        return await().atMost(WAIT)
                .until(
                        () -> routeFiles.refusedEdits().stream()
                                .filter(edit -> edit.file().equals(file.toString()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private void assertOldRoutesKeepCollecting() {
        long before = webformRuns();
        await().atMost(WAIT).until(() -> webformRuns() >= before + 2);
        assertThat(camel.getRouteController().getRouteStatus("collect-form-pages"))
                .isEqualTo(ServiceStatus.Started);
    }

    private long webformRuns() {
        return jdbc.queryForObject(
                "select count(*) from collection_run where source = 'webform' and status = 'succeeded'", Long.class);
    }

    private static int lines(String text) {
        return (int) text.chars().filter(c -> c == '\n').count();
    }

    /** Where a piece of text first appears. */
    private static final class TextLines {

        static int of(String text, String needle) {
            return RouteFileCheck.lineOf(text, needle);
        }
    }
}
