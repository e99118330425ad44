package org.contacthub.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.contacthub.email.TestMailServer.INBOX;
import static org.contacthub.email.TestMailServer.message;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.contacthub.load.RunResult;
import org.contacthub.support.HubTestContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An inbox that still fails after the shared policy is kept as a failed message, and its replay loads it once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmailFailureTests {

    private static final String OTHER_INBOX = "waste@northshire.example";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final TestMailServer server = new TestMailServer();

    // Settings are bound at each poll, so moving this port is how the council tax inbox's server comes back.
    private static volatile int councilTaxPort = closedPort();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private ProducerTemplate camel;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        HubTestContext.isolate(registry);
        registry.add("camel.main.routes-include-pattern", () -> "file:routes/email.yaml,file:routes/errors.yaml");
        registry.add("contacthub.email.schedule", () -> "0 0 0 1 1 ? 2099");
        registry.add("contacthub.email.hmac-key", () -> "a-test-key-that-is-long-enough-for-hmac");
        registry.add("contacthub.email.host", () -> "127.0.0.1");
        registry.add("contacthub.email.port", server::port);
        registry.add("contacthub.email.tls", () -> "false");
        registry.add("contacthub.email.inboxes[0].address", () -> INBOX);
        registry.add("contacthub.email.inboxes[0].password", () -> TestMailServer.PASSWORD);
        registry.add("contacthub.email.inboxes[0].port", () -> councilTaxPort);
        // The other inbox reads the same test mailbox under its own address.
        registry.add("contacthub.email.inboxes[1].address", () -> OTHER_INBOX);
        registry.add("contacthub.email.inboxes[1].account", () -> INBOX);
        registry.add("contacthub.email.inboxes[1].password", () -> TestMailServer.PASSWORD);
        registry.add("contacthub.failures.redelivery.attempts", () -> "2");
        registry.add("contacthub.failures.redelivery.delay", () -> "10");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void keepsAnUnreachableInboxAndLoadsItsMailOnceWhenReplayedAfterTheServerIsBack() throws Exception {
        server.append(message("<k1@mail.example>", "ann.example@mail.example", "Bill query"));

        HttpResponse<String> run = send("/api/operations/sources/email/run");
        Map<String, Object> failed = await().atMost(WAIT)
                .until(this::failedInbox, row -> row.isPresent() && loaded(OTHER_INBOX) == 1)
                .orElseThrow();

        assertThat(run.statusCode()).isEqualTo(202);
        assertThat(failed)
                .containsEntry("source", "email")
                .containsEntry("message_key", INBOX)
                .containsEntry("unit", "inbox")
                .containsEntry("route_id", "collect-inbox-mail")
                .containsEntry("entry_point", "direct:replay-inbox-mail")
                .containsEntry("status", "failed");
        assertThat(failed.get("run_id")).isNotNull();
        assertThat(failedRuns(INBOX)).isEqualTo(3);
        assertThat(loaded(INBOX)).isZero();

        councilTaxPort = server.port();
        HttpResponse<String> replay = send("/api/failed-messages/" + failed.get("id") + "/replay");
        HttpResponse<String> again = send("/api/failed-messages/" + failed.get("id") + "/replay");
        RunResult rerun =
                (RunResult) camel.requestBodyAndHeader("direct:replay-inbox-mail", null, "contactHubMessageKey", INBOX);

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("\"replayed\":true");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(rerun.read()).isZero();
        assertThat(loaded(INBOX)).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select status from failed_message where id = ?", String.class, failed.get("id")))
                .isEqualTo("replayed");
    }

    @Test
    void refusesToReplayIntoAnInboxThatIsNotConfigured() {
        assertThatThrownBy(() -> camel.requestBodyAndHeader(
                        "direct:replay-inbox-mail", null, "contactHubMessageKey", "someone@else.example"))
                .isInstanceOf(CamelExecutionException.class)
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    private Optional<Map<String, Object>> failedInbox() {
        return jdbc
                .queryForList(
                        "select * from failed_message where source = 'email' and message_key = ? and status = 'failed'",
                        INBOX)
                .stream()
                .findFirst();
    }

    private long loaded(String inbox) {
        return jdbc.queryForObject(
                "select coalesce(sum(loaded_count), 0) from collection_run where source = 'email' and source_ref = ?",
                Long.class,
                inbox);
    }

    private long failedRuns(String inbox) {
        return jdbc.queryForObject(
                "select count(*) from collection_run where source = 'email' and source_ref = ? and status = 'failed'",
                Long.class,
                inbox);
    }

    private HttpResponse<String> send(String path) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString("support:support".getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Basic " + credentials)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free loopback port", e);
        }
    }
}
