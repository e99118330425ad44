package org.contacthub.failure;

import java.time.OffsetDateTime;

/**
 * One replay or discard of a failed message, as recorded in the append-only audit.
 *
 * @param action replay or discard
 * @param actor the signed-in user who did it
 * @param reason why, for a discard
 * @param outcome what happened
 * @param runId the run a replay produced, when there was one
 */
public record AuditEntry(
        long id,
        long failedMessageId,
        String action,
        String actor,
        OffsetDateTime actedAt,
        String reason,
        String outcome,
        Long runId) {}
