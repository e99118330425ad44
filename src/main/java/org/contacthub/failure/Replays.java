package org.contacthub.failure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.ProducerTemplate;
import org.contacthub.failure.FailedMessageQueries.RunAfterReplay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Replays and discards failed messages, recording each in the audit. A replay sends the stored input to
 * its entry point through the current routes; loads are idempotent, so a replay never counts a contact twice.
 */
@Service
class Replays {

    /** The one header a replay route reads: the failed input's key, such as a file name. */
    static final String MESSAGE_KEY = "contactHubMessageKey";

    private static final Logger log = LoggerFactory.getLogger(Replays.class);

    private final FailedMessageQueries queries;
    private final FailedMessages messages;
    private final AuditTrail audit;
    private final ProducerTemplate camel;
    private final Duration pause;
    private final int bulkLimit;

    Replays(
            FailedMessageQueries queries,
            FailedMessages messages,
            AuditTrail audit,
            ProducerTemplate camel,
            @Value("${contacthub.failures.replay-pause:1s}") Duration pause,
            @Value("${contacthub.failures.bulk-limit:100}") int bulkLimit) {
        this.queries = queries;
        this.messages = messages;
        this.audit = audit;
        this.camel = camel;
        this.pause = pause;
        this.bulkLimit = bulkLimit;
    }

    /** Replays one failed message; one replay runs at a time so that two never race on one input. */
    synchronized ReplayOutcome replay(long id, String actor) {
        FailedMessage message = queries.find(id).orElseThrow(() -> new FailedMessageNotFound(id));
        if (!message.replayable()) {
            throw new FailedMessageRefused("Failed message " + id + " is " + message.status()
                    + (ReplayEntryPoints.isAllowed(message.entryPoint()) ? "" : " and has no replay route"));
        }
        ReplayOutcome outcome = send(message, actor);
        audit.append(id, "replay", actor, null, outcome.outcome(), outcome.runId());
        log.info("Failed message {} from {} replayed by {}: {}", id, message.source(), actor, outcome.outcome());
        return outcome;
    }

    /** Replays up to the bulk limit of the messages a filter matches, pausing between them; a dry run counts. */
    BulkReplayResult replayAll(FailedMessageFilter filter, boolean dryRun, String actor) {
        long matched = queries.countReplayable(filter);
        if (dryRun) {
            return new BulkReplayResult(matched, 0, 0, true);
        }
        List<Long> ids = queries.replayableIds(filter, bulkLimit);
        int replayed = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (i > 0) {
                pause();
            }
            replayed += replayQuietly(ids.get(i), actor) ? 1 : 0;
        }
        return new BulkReplayResult(matched, ids.size(), replayed, false);
    }

    /** Discards a failed message for good; support staff must say why. */
    void discard(long id, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Say why the message is discarded");
        }
        queries.find(id).orElseThrow(() -> new FailedMessageNotFound(id));
        if (!messages.discard(id, reason.trim(), actor)) {
            throw new FailedMessageRefused("Failed message " + id + " is no longer failed");
        }
        audit.append(id, "discard", actor, reason.trim(), "discarded", null);
        log.info("Failed message {} discarded by {}", id, actor);
    }

    private ReplayOutcome send(FailedMessage message, String actor) {
        long lastRun = queries.lastRunId();
        try {
            // A fresh exchange: no header of the failed one, Camel's included, reaches the replay route.
            camel.requestBodyAndHeader(message.entryPoint(), message.payload(), MESSAGE_KEY, message.messageKey());
        } catch (RuntimeException e) {
            return failedAgain(message, rootCause(e));
        }
        List<RunAfterReplay> runs = queries.runsSince(message.source(), lastRun);
        return runs.stream()
                .filter(RunAfterReplay::failed)
                .findFirst()
                .map(run ->
                        failedAgain(message, new IllegalStateException("Run " + run.id() + " failed: " + run.error())))
                .orElseGet(() -> replayed(
                        message,
                        runs.isEmpty() ? null : runs.get(runs.size() - 1).id(),
                        actor));
    }

    private ReplayOutcome replayed(FailedMessage message, Long runId, String actor) {
        messages.markReplayed(message.id(), runId, actor);
        String outcome = runId == null
                ? "Sent back to " + message.entryPoint() + "; the route loads it at its next poll"
                : "Loaded by collection run " + runId;
        return new ReplayOutcome(message.id(), true, runId, outcome);
    }

    private ReplayOutcome failedAgain(FailedMessage message, Throwable failure) {
        messages.markFailedAgain(message, failure);
        return new ReplayOutcome(message.id(), false, null, "Failed again: " + FailedMessages.errorMessage(failure));
    }

    private boolean replayQuietly(long id, String actor) {
        try {
            return replay(id, actor).replayed();
        } catch (FailedMessageRefused e) {
            // Another replay or a discard got there first.
            return false;
        }
    }

    private void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FailedMessageRefused("The bulk replay was interrupted");
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
