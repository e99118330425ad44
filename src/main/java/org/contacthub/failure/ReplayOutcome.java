package org.contacthub.failure;

/**
 * What one replay did.
 *
 * @param replayed true when the input went back through its route without failing
 * @param runId the run that loaded it, or null when the route loads it later (a file back in the drop)
 * @param outcome a sentence for support staff
 */
record ReplayOutcome(long id, boolean replayed, Long runId, String outcome) {}
