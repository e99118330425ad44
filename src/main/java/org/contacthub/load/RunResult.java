package org.contacthub.load;

/**
 * The counts of one finished collection run; read always equals loaded + duplicate + rejected.
 *
 * @param runId the collection run's id
 * @param read records read from the source
 * @param loaded new contacts stored
 * @param duplicate records whose natural key was already stored
 * @param rejected records set aside with a reason
 */
public record RunResult(long runId, long read, long loaded, long duplicate, long rejected) {}
