package org.contacthub.operations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.contacthub.demo.DemoSftpServer;
import org.contacthub.load.ContactLoader;
import org.contacthub.load.LoadObserver;
import org.contacthub.support.HubTestContext;
import org.contacthub.support.SftpDrop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Health per source, run now and run metrics against a real SFTP drop, IMAP inboxes, forms API and database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class OperationsTests {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String OVERRIDE = "operations-test-override";
    private static final SftpDrop drop = SftpDrop.start();
    private static final WireMockServer forms = startForms();

    @Autowired
    private SftpDropHealth sftpDrop;

    @Autowired
    private InboxesHealth inboxes;

    @Autowired
    private FormApiHealth formApi;

    @Autowired
    private RunNow runNow;

    @Autowired
    private ContactLoader loader;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private ConfigurableEnvironment environment;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        HubTestContext.isolate(registry);
        registry.add("camel.main.routes-include-pattern", () -> "file:routes/phone.yaml");
        registry.add("contacthub.webform.base-url", forms::baseUrl);
        registry.add("contacthub.webform.auth.api-key", () -> "test-key");
        drop.register(registry, drop.trustedKnownHosts());
    }

    @AfterEach
    void restore() {
        environment.getPropertySources().remove(OVERRIDE);
        loader.observe(LoadObserver.NONE);
        forms.resetAll();
        stubForms(200);
    }

    @AfterAll
    static void stopServers() throws IOException {
        drop.close();
        forms.stop();
    }

    @Test
    void sftpHealthGoesDownForAnUntrustedHostKeyOrNoServerAndComesBack() {
        assertThat(sftpDrop.health().getStatus()).isEqualTo(Status.UP);

        override(Map.of(
                "contacthub.phone.sftp.known-hosts-file",
                knownHostsWithAnotherServersKey().toString()));
        Status refusedKey = sftpDrop.health().getStatus();
        override(Map.of("contacthub.phone.sftp.port", closedPort()));
        Status noServer = sftpDrop.health().getStatus();
        environment.getPropertySources().remove(OVERRIDE);

        assertThat(refusedKey).isEqualTo(Status.DOWN);
        assertThat(noServer).isEqualTo(Status.DOWN);
        assertThat(sftpDrop.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void inboxHealthGoesDownWhenTheImapServerIsUnreachableAndComesBack() {
        assertThat(inboxes.health().getStatus()).isEqualTo(Status.UP);

        override(Map.of("contacthub.email.port", closedPort()));
        Status unreachable = inboxes.health().getStatus();
        environment.getPropertySources().remove(OVERRIDE);

        assertThat(unreachable).isEqualTo(Status.DOWN);
        assertThat(inboxes.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void formApiHealthGoesDownWhenTheApiRefusesOrFailsAndComesBack() {
        assertThat(formApi.health().getStatus()).isEqualTo(Status.UP);

        stubForms(401);
        Status refused = formApi.health().getStatus();
        stubForms(503);
        Status failing = formApi.health().getStatus();
        stubForms(200);

        assertThat(refused).isEqualTo(Status.DOWN);
        assertThat(failing).isEqualTo(Status.DOWN);
        assertThat(formApi.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void runNowDuringAScheduledRunDoesNotStartASecondOneAndTheRunIsCounted() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        loader.observe((runId, rowsSoFar) -> awaitQuietly(release));
        drop.put(Path.of("config/layouts/samples/canonical.csv"), "canonical-run-now.csv");
        await().atMost(WAIT).until(() -> runNow.running(ScheduledSource.PHONE) && runs("running") == 1);

        RunNow.Outcome outcome = runNow.start(ScheduledSource.PHONE);
        release.countDown();
        await().atMost(WAIT).until(() -> runs("succeeded") == 1);

        assertThat(outcome).isEqualTo(RunNow.Outcome.ALREADY_RUNNING);
        assertThat(jdbc.queryForObject(
                        "select count(*) from collection_run where source_ref = 'canonical-run-now.csv'", Long.class))
                .isEqualTo(1);
        long loaded = jdbc.queryForObject(
                "select loaded_count from collection_run where source_ref = 'canonical-run-now.csv'", Long.class);
        assertThat(meters.get(RunMetrics.CONTACTS)
                        .tag("source", "phone")
                        .tag("outcome", "loaded")
                        .counter()
                        .count())
                .isEqualTo(loaded);
        assertThat(meters.get(RunMetrics.SINCE_GOOD)
                        .tag("source", "phone")
                        .gauge()
                        .value())
                .isGreaterThanOrEqualTo(0);
    }

    @Test
    void runNowStartsAnIdleSourceAtOnce() {
        await().atMost(WAIT).until(() -> !runNow.running(ScheduledSource.PHONE));

        RunNow.Outcome outcome = runNow.start(ScheduledSource.PHONE);

        assertThat(outcome).isIn(RunNow.Outcome.STARTED, RunNow.Outcome.ALREADY_RUNNING);
        assertThat(runNow.start(ScheduledSource.WEBFORM)).isEqualTo(RunNow.Outcome.NOT_SCHEDULED);
    }

    private long runs(String status) {
        return jdbc.queryForObject(
                "select count(*) from collection_run where source_ref = 'canonical-run-now.csv' and status = ?",
                Long.class,
                status);
    }

    private void override(Map<String, Object> settings) {
        environment.getPropertySources().remove(OVERRIDE);
        environment.getPropertySources().addFirst(new MapPropertySource(OVERRIDE, settings));
    }

    private static void awaitQuietly(CountDownLatch release) {
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static WireMockServer startForms() {
        WireMockServer server = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        stubForms(server, 200);
        return server;
    }

    private static void stubForms(int status) {
        stubForms(forms, status);
    }

    private static void stubForms(WireMockServer server, int status) {
        server.stubFor(get(urlPathEqualTo("/submissions"))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"items\":[],\"hasMore\":false}")));
    }

    private static String closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Integer.toString(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A known_hosts line for the drop's address that carries a different server's key. */
    private static Path knownHostsWithAnotherServersKey() {
        try (DemoSftpServer impostor = DemoSftpServer.start(
                Files.createTempDirectory("other"),
                "x",
                "y",
                Files.createTempDirectory("other").resolve("host.key"))) {
            String line = impostor.knownHostsLine();
            String otherKey = line.substring(line.indexOf(' ') + 1);
            String trusted = "[" + drop.server().host() + "]:" + drop.server().port() + " " + otherKey + "\n";
            return Files.writeString(Files.createTempFile("known_hosts", ""), trusted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
