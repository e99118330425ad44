package org.contacthub.load;

import java.time.Duration;

/**
 * Published once a collection run is closed: after the commit of a succeeded run, or after a failed
 * run is recorded. Listeners keep counts and clocks; they must be cheap, as they run on the run's thread.
 *
 * @param runId the collection run's id
 * @param source the source's name in the run log, such as {@code phone}
 * @param succeeded whether the run's rows were committed
 * @param counts the run's counts; all zero for a failed run, since nothing of it is kept
 * @param duration how long the run took
 */
public record CollectionRunClosed(
        long runId, String source, String sourceRef, boolean succeeded, RunResult counts, Duration duration) {}
