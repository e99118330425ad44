package org.contacthub.bench;

import java.util.List;
import java.util.Map;
import org.contacthub.load.LoadObserver;

/**
 * What one end-to-end phone load measured, with its same-run COPY baseline. Times are epoch milliseconds
 * on this machine's clock, which the database shares.
 *
 * @param droppedAt when the file appeared, complete, in the SFTP drop
 * @param runStartedAt when the hub opened the file's collection run
 * @param runEndedAt when the run's counts were written, just before its commit
 * @param archivedAt when the file was seen in the archive folder
 * @param stepNanos time in each database step of the load, summed over chunks
 * @param heap what the hub's JVM reported about its heap during the load, in bytes
 */
record PhoneLoadFigures(
        long fileRows,
        long fileBytes,
        long loaded,
        long rejected,
        long droppedAt,
        long runStartedAt,
        long runEndedAt,
        long archivedAt,
        Map<LoadObserver.Step, Long> stepNanos,
        HeapFigures heap,
        CopyBaseline.Figures baseline) {

    /** The heap of the hub's JVM, in bytes, during the load only. */
    record HeapFigures(long max, long peakInUse, long maxAfterGc, long collections, List<Long> afterGcAtTenths) {}

    double endToEndSeconds() {
        return (archivedAt - droppedAt) / 1000.0;
    }

    double hubRowsPerSecond() {
        return loaded / endToEndSeconds();
    }

    double ratioToCopy() {
        return hubRowsPerSecond() / baseline.rowsPerSecond();
    }

    double pickupSeconds() {
        return (runStartedAt - droppedAt) / 1000.0;
    }

    double runSeconds() {
        return (runEndedAt - runStartedAt) / 1000.0;
    }

    /** From the commit to the file being seen in the archive folder: the move over SFTP and the poll's end. */
    double archiveSeconds() {
        return (archivedAt - runEndedAt) / 1000.0 - stepSeconds(LoadObserver.Step.COMMIT);
    }

    double stepSeconds(LoadObserver.Step step) {
        return stepNanos.getOrDefault(step, 0L) / 1e9;
    }

    /** The run's time outside the database steps: reading over SFTP, parsing, mapping and encoding the rows. */
    double parseAndMapSeconds() {
        double database = stepNanos.entrySet().stream()
                        .filter(step -> step.getKey() != LoadObserver.Step.COMMIT)
                        .mapToLong(Map.Entry::getValue)
                        .sum()
                / 1e9;
        return runSeconds() - database;
    }
}
