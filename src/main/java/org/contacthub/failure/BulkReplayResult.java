package org.contacthub.failure;

/**
 * What a bulk replay did, or would do in a dry run.
 *
 * @param matched replayable messages the filter matches
 * @param attempted replays tried in this request (zero in a dry run)
 * @param replayed replays that succeeded
 * @param dryRun true when nothing was replayed
 */
record BulkReplayResult(long matched, int attempted, int replayed, boolean dryRun) {}
