package org.contacthub.operations;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Each scheduled source's last good run, freshness and whether it is running now, for the page and the API. */
@Component
class SourceStatuses {

    private final LastGoodRuns lastGoodRuns;
    private final CollectionFreshness freshness;
    private final RunNow runNow;

    SourceStatuses(LastGoodRuns lastGoodRuns, CollectionFreshness freshness, RunNow runNow) {
        this.lastGoodRuns = lastGoodRuns;
        this.freshness = freshness;
        this.runNow = runNow;
    }

    List<SourceStatus> all() {
        Map<String, Instant> lastGood = lastGoodRuns.bySource();
        return Arrays.stream(ScheduledSource.values())
                .map(source -> status(source, lastGood.get(source.source())))
                .toList();
    }

    private SourceStatus status(ScheduledSource source, Instant lastGoodRun) {
        CollectionFreshness.SourceFreshness fresh = freshness.freshness(source, lastGoodRun);
        return new SourceStatus(
                source.source(),
                source.routeId(),
                lastGoodRun,
                fresh.allowedSeconds(),
                fresh.stale(),
                runNow.running(source));
    }

    /**
     * One source's state.
     *
     * @param source the source's name in the run log
     * @param routeId the route that collects it
     * @param lastGoodRun when its last good collection run ended; null when there has been none
     * @param staleAfterSeconds how long it may go without a good run before it is stale
     * @param stale whether it has gone longer
     * @param running whether its collection is running on any node now
     */
    record SourceStatus(
            String source,
            String routeId,
            Instant lastGoodRun,
            long staleAfterSeconds,
            boolean stale,
            boolean running) {}
}
