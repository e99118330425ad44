package org.contacthub.load;

/** Hears about each chunk the loader writes; used to time loads and to inject faults in tests. */
public interface LoadObserver {

    LoadObserver NONE = (runId, rowsSoFar) -> {};

    /** Called after a chunk is inserted, before the run's transaction commits. */
    void chunkWritten(long runId, long rowsSoFar);
}
