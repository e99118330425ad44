package org.contacthub.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.contacthub.load.CollectionRunClosed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Per-source Micrometer meters, recorded as each collection run closes: contacts loaded, duplicate
 * and rejected, runs by outcome, run duration, and seconds since the last good run. The last good
 * run is first read from the run log, so the gauge survives a restart.
 */
@Component
class RunMetrics {

    static final String CONTACTS = "contacthub.collection.contacts";
    static final String RUNS = "contacthub.collection.runs";
    static final String DURATION = "contacthub.collection.duration";
    static final String SINCE_GOOD = "contacthub.collection.since.last.good.run";

    private final MeterRegistry registry;
    private final LastGoodRuns lastGoodRuns;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Instant> lastGood = new ConcurrentHashMap<>();

    RunMetrics(MeterRegistry registry, LastGoodRuns lastGoodRuns) {
        this.registry = registry;
        this.lastGoodRuns = lastGoodRuns;
        for (ScheduledSource source : ScheduledSource.values()) {
            Gauge.builder(SINCE_GOOD, () -> secondsSinceGood(source.source()))
                    .description("Seconds since the source's last collection run that succeeded")
                    .baseUnit("seconds")
                    .tag("source", source.source())
                    .register(registry);
        }
    }

    @EventListener
    void runClosed(CollectionRunClosed run) {
        String source = run.source();
        counter(RUNS, source, "status", run.succeeded() ? "succeeded" : "failed")
                .increment();
        Timer.builder(DURATION).tag("source", source).register(registry).record(run.duration());
        if (run.succeeded()) {
            counter(CONTACTS, source, "outcome", "loaded")
                    .increment(run.counts().loaded());
            counter(CONTACTS, source, "outcome", "duplicate")
                    .increment(run.counts().duplicate());
            counter(CONTACTS, source, "outcome", "rejected")
                    .increment(run.counts().rejected());
            lastGood.put(source, clock.instant());
        }
    }

    private Counter counter(String name, String source, String key, String value) {
        return Counter.builder(name).tag("source", source).tag(key, value).register(registry);
    }

    private double secondsSinceGood(String source) {
        if (lastGood.isEmpty()) {
            lastGood.putAll(lastGoodRuns.bySource());
        }
        Instant last = lastGood.get(source);
        return last == null
                ? Double.NaN
                : Duration.between(last, clock.instant()).toMillis() / 1000.0;
    }
}
