package org.contacthub.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

/** The REST API and the command that wraps it: who may do what, filters, dry runs, discards and the audit. */
class FailedMessageApiTests extends HubServer {

    @Test
    void answers401WithoutCredentialsAnd403ToAViewerWhoTriesToReplay() throws Exception {
        long id = seedWebformFailure("security-key", "security-check");

        assertThat(send("GET", "/api/failed-messages", null, null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/failed-messages/" + id + "/replay", null, null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(send("GET", "/api/failed-messages", "viewer", null).statusCode())
                .isEqualTo(200);
        assertThat(send("POST", "/api/failed-messages/" + id + "/replay", "viewer", null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/api/failed-messages/" + id + "/discard", "viewer", "{\"reason\":\"no\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(status(id)).isEqualTo("failed");
    }

    @Test
    void listsByFilterWithPaging() throws Exception {
        seedWebformFailure("list-1", "list-check");
        seedWebformFailure("list-2", "list-check");
        seedPhoneFailure("list-3.csv", "list-check");

        String firstPage = send("GET", "/api/failed-messages?errorType=list-check&size=2", "viewer", null)
                .body();
        String phoneOnly = send("GET", "/api/failed-messages?errorType=list-check&source=phone", "viewer", null)
                .body();
        String secondPage = send("GET", "/api/failed-messages?errorType=list-check&size=2&page=1", "viewer", null)
                .body();
        assertThat(firstPage)
                .contains("\"total\":3")
                .contains("list-3.csv")
                .contains("list-2")
                .doesNotContain("list-1");
        assertThat(secondPage).contains("list-1").doesNotContain("list-2");
        assertThat(phoneOnly).contains("\"total\":1").contains("list-3.csv").doesNotContain("list-1");
    }

    @Test
    void countsInADryRunWithoutChangingAnything() throws Exception {
        long webform = seedWebformFailure("dry-1", "dry-run-check");
        long phone = seedPhoneFailure("dry-2.csv", "dry-run-check");

        String result = send("POST", "/api/failed-messages/replay?errorType=dry-run-check&dryRun=true", "support", null)
                .body();

        assertThat(result).contains("\"matched\":2").contains("\"attempted\":0").contains("\"dryRun\":true");
        assertThat(List.of(status(webform), status(phone))).containsOnly("failed");
        assertThat(auditRows(webform) + auditRows(phone)).isZero();
    }

    @Test
    void replaysOnlyWhatTheBulkFilterMatches() throws Exception {
        formsApiHasNothingNew();
        long first = seedWebformFailure("bulk-1", "bulk-check");
        long second = seedWebformFailure("bulk-2", "bulk-check");
        long phone = seedPhoneFailure("bulk-3.csv", "bulk-check");
        long otherType = seedWebformFailure("bulk-4", "bulk-other");

        String result = send("POST", "/api/failed-messages/replay?source=webform&errorType=bulk-check", "support", null)
                .body();

        assertThat(result).contains("\"matched\":2").contains("\"replayed\":2");
        assertThat(List.of(status(first), status(second))).containsOnly("replayed");
        assertThat(List.of(status(phone), status(otherType))).containsOnly("failed");
        assertThat(jdbc.queryForList(
                        "select actor from failed_message_audit where failed_message_id in (?, ?)",
                        String.class,
                        first,
                        second))
                .containsExactly("support", "support");
    }

    @Test
    void refusesADiscardWithoutAReasonAndAuditsOneWithIt() throws Exception {
        long id = seedWebformFailure("discard-1", "discard-check");

        int withoutReason = send("POST", "/api/failed-messages/" + id + "/discard", "support", "{\"reason\":\" \"}")
                .statusCode();
        int withNoBody = send("POST", "/api/failed-messages/" + id + "/discard", "support", null)
                .statusCode();

        assertThat(List.of(withoutReason, withNoBody)).containsOnly(400);
        assertThat(status(id)).isEqualTo("failed");

        int withReason = send(
                        "POST",
                        "/api/failed-messages/" + id + "/discard",
                        "support",
                        "{\"reason\":\"Test submission from the platform's sandbox\"}")
                .statusCode();

        assertThat(withReason).isEqualTo(204);
        assertThat(jdbc.queryForMap("select status, discard_reason from failed_message where id = ?", id))
                .containsEntry("status", "discarded")
                .containsEntry("discard_reason", "Test submission from the platform's sandbox");
        assertThat(jdbc.queryForMap(
                        "select action, actor, reason, outcome from failed_message_audit"
                                + " where failed_message_id = ?",
                        id))
                .containsEntry("action", "discard")
                .containsEntry("actor", "support")
                .containsEntry("reason", "Test submission from the platform's sandbox");
    }

    @Test
    void refusesToUpdateOrDeleteAuditRows() throws Exception {
        long id = seedWebformFailure("audit-1", "audit-check");
        send("POST", "/api/failed-messages/" + id + "/discard", "support", "{\"reason\":\"duplicate\"}");

        assertThatThrownBy(() -> jdbc.update(
                        "update failed_message_audit set actor = 'someone else'" + " where failed_message_id = ?", id))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from failed_message_audit where failed_message_id = ?", id))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject(
                        "select actor from failed_message_audit where failed_message_id = ?", String.class, id))
                .isEqualTo("support");
    }

    @Test
    void showsADetailWithItsHistory() throws Exception {
        long id = seedWebformFailure("detail-1", "detail-check");
        send("POST", "/api/failed-messages/" + id + "/discard", "support", "{\"reason\":\"seen twice\"}");

        String detail =
                send("GET", "/api/failed-messages/" + id, "viewer", null).body();

        assertThat(detail).contains("\"messageKey\":\"detail-1\"").contains("\"reason\":\"seen twice\"");
        assertThat(send("GET", "/api/failed-messages/999999", "viewer", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void documentsTheApiInOpenApi() throws Exception {
        String docs = send("GET", "/v3/api-docs", "viewer", null).body();

        assertThat(docs).contains("/api/failed-messages/{id}/replay").contains("/api/failed-messages/{id}/discard");
    }

    @Test
    void letsSupportStaffListCountAndDiscardFromTheCommandLine() throws Exception {
        long id = seedPhoneFailure("cli-1.csv", "cli-check");

        String list = command("list", "--error-type", "cli-check");
        String dryRun = command("bulk", "--error-type", "cli-check", "--dry-run");
        String discarded = command("discard", Long.toString(id), "Sent", "twice", "by the \"vendor\"");

        assertThat(list).contains("cli-1.csv").contains("\"total\":1");
        assertThat(dryRun).contains("\"matched\":1").contains("\"dryRun\":true");
        assertThat(discarded).isBlank();
        assertThat(jdbc.queryForObject("select discard_reason from failed_message where id = ?", String.class, id))
                .isEqualTo("Sent twice by the \"vendor\"");
    }

    private long auditRows(long id) {
        return jdbc.queryForObject(
                "select count(*) from failed_message_audit where failed_message_id = ?", Long.class, id);
    }

    private String command(String... arguments) throws IOException, InterruptedException {
        List<String> line = new java.util.ArrayList<>(List.of("bin/failed-messages"));
        line.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment()
                .putAll(Map.of(
                        "CONTACTHUB_URL", baseUrl(), "CONTACTHUB_USER", "support", "CONTACTHUB_PASSWORD", "support"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
