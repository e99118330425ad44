package org.contacthub.load;

/** Hears about each chunk the loader writes; used to time loads and to inject faults in tests. */
public interface LoadObserver {

    LoadObserver NONE = (runId, rowsSoFar) -> {};

    /** Called after a chunk is inserted, before the run's transaction commits. */
    void chunkWritten(long runId, long rowsSoFar);

    /** Called with how long one step of writing a run took; the loader reads no clock while no observer is set. */
    default void stepTimed(long runId, Step step, long nanos) {}

    /** The database steps of a run, in the order each chunk passes them, then the run's commit. */
    enum Step {
        COPY_TO_STAGING,
        REGISTER_UNKNOWN_POINTS,
        INSERT_EVENTS,
        COMMIT
    }
}
