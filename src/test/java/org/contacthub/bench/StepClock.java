package org.contacthub.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.contacthub.load.LoadObserver;

/**
 * Adds up the time of each database step of a load, and notes the heap left after the latest
 * collection at every tenth of the expected rows, so a growing heap would show.
 */
final class StepClock implements LoadObserver {

    private final Map<Step, Long> nanos = new EnumMap<>(Step.class);
    private final List<Long> heapAtTenths = new ArrayList<>();
    private final long expectedRows;
    private final HeapWatch heap;

    StepClock(long expectedRows, HeapWatch heap) {
        this.expectedRows = expectedRows;
        this.heap = heap;
    }

    @Override
    public synchronized void chunkWritten(long runId, long rowsSoFar) {
        while (heapAtTenths.size() < 10 && rowsSoFar >= expectedRows * (heapAtTenths.size() + 1) / 10) {
            heapAtTenths.add(heap.lastAfterGc());
        }
    }

    @Override
    public synchronized void stepTimed(long runId, Step step, long stepNanos) {
        nanos.merge(step, stepNanos, Long::sum);
    }

    synchronized long nanos(Step step) {
        return nanos.getOrDefault(step, 0L);
    }

    synchronized List<Long> heapAtTenths() {
        return List.copyOf(heapAtTenths);
    }
}
