package org.contacthub.failure;

import java.time.OffsetDateTime;

/**
 * One input that still failed after the shared policy's retries, as support staff see it.
 *
 * @param messageKey what identifies the input within its source, such as a file name or a page's cursor
 * @param entryPoint the route endpoint a replay sends it to, or null when its route has no replay route
 * @param unit what failed as a whole: a page, a file, a poll
 * @param payload the input with personal fields removed, or a reference to where the input is kept
 * @param runId the collection run that failed
 * @param replayedRunId the run that loaded it after a replay, when known
 */
public record FailedMessage(
        long id,
        String source,
        String messageKey,
        String routeId,
        String entryPoint,
        String unit,
        String errorType,
        String errorMessage,
        String payload,
        String payloadType,
        OffsetDateTime firstFailedAt,
        OffsetDateTime lastFailedAt,
        int attempts,
        String status,
        Long runId,
        Long replayedRunId,
        String discardReason,
        OffsetDateTime resolvedAt,
        String resolvedBy) {

    static final String FAILED = "failed";

    public boolean replayable() {
        return FAILED.equals(status) && ReplayEntryPoints.isAllowed(entryPoint);
    }
}
