package org.contacthub.failure;

import java.time.OffsetDateTime;

/**
 * Which failed messages a list or a bulk replay covers; a null field matches everything.
 *
 * @param routeId the route that failed
 * @param status failed, replayed or discarded
 * @param from the earliest last failure included
 * @param to the first last-failure time no longer included
 */
record FailedMessageFilter(
        String source, String routeId, String errorType, String status, OffsetDateTime from, OffsetDateTime to) {

    FailedMessageFilter {
        source = blankToNull(source);
        routeId = blankToNull(routeId);
        errorType = blankToNull(errorType);
        status = blankToNull(status);
    }

    /** The same filter restricted to messages that are still failed, which is all a replay may touch. */
    FailedMessageFilter stillFailed() {
        return new FailedMessageFilter(source, routeId, errorType, FailedMessage.FAILED, from, to);
    }

    /** The values bound to {@link FailedMessageQueries}' filter clause, each twice: once for the null test. */
    Object[] bindings() {
        return new Object[] {source, source, routeId, routeId, errorType, errorType, status, status, from, from, to, to
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
