package org.contacthub.load;

/** The running tally of one collection run. */
final class RunCounts {

    private long read;
    private long loaded;
    private long rejected;

    void countRead() {
        read++;
    }

    void countLoaded(long rows) {
        loaded += rows;
    }

    void countRejected() {
        rejected++;
    }

    long read() {
        return read;
    }

    long loaded() {
        return loaded;
    }

    long rejected() {
        return rejected;
    }

    /** Everything read that was neither stored new nor rejected was already stored. */
    long duplicate() {
        return read - loaded - rejected;
    }

    RunResult toResult(long runId) {
        return new RunResult(runId, read, loaded, duplicate(), rejected);
    }
}
