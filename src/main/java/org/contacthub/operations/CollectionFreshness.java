package org.contacthub.operations;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.quartz.CronExpression;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Reports a source as stale when it has had no good collection run within a configured number of
 * its schedule periods. A source that never had one is measured from the hub's start, so a fresh
 * install is not stale before its first runs were due.
 */
@Component("collectionFreshness")
class CollectionFreshness implements HealthIndicator {

    static final Status STALE = Status.OUT_OF_SERVICE;

    private final Environment environment;
    private final LastGoodRuns lastGoodRuns;
    private final Clock clock;
    private final Instant started;

    CollectionFreshness(Environment environment, LastGoodRuns lastGoodRuns) {
        this.environment = environment;
        this.lastGoodRuns = lastGoodRuns;
        this.clock = Clock.systemUTC();
        this.started = clock.instant();
    }

    @Override
    public Health health() {
        Map<String, Instant> lastGood = lastGoodRuns.bySource();
        Health.Builder health = Health.up();
        for (ScheduledSource source : ScheduledSource.values()) {
            SourceFreshness freshness = freshness(source, lastGood.get(source.source()));
            health.withDetail(source.source(), freshness);
            if (freshness.stale()) {
                health.status(STALE);
            }
        }
        return health.build();
    }

    /** How fresh one source is, for this indicator and the operations page. */
    SourceFreshness freshness(ScheduledSource source, Instant lastGoodRun) {
        Duration allowed = period(source).multipliedBy(multiple(source));
        Instant since = lastGoodRun == null ? started : lastGoodRun;
        boolean stale = Duration.between(since, clock.instant()).compareTo(allowed) > 0;
        return new SourceFreshness(lastGoodRun, allowed.toSeconds(), stale);
    }

    /** The time between two firings of the source's cron schedule. */
    Duration period(ScheduledSource source) {
        try {
            CronExpression cron = new CronExpression(environment.getRequiredProperty(source.scheduleProperty()));
            Date next = cron.getNextValidTimeAfter(Date.from(clock.instant()));
            Date after = cron.getNextValidTimeAfter(next);
            return Duration.between(next.toInstant(), after.toInstant());
        } catch (ParseException e) {
            throw new IllegalStateException("The schedule " + source.scheduleProperty() + " is not a cron", e);
        }
    }

    private long multiple(ScheduledSource source) {
        String name = "contacthub.operations.stale-after-schedules.";
        return environment.getProperty(
                name + source.source(), Long.class, environment.getProperty(name + "default", Long.class, 3L));
    }

    /**
     * @param lastGoodRun when the last good run ended; null when there has been none
     * @param allowedSeconds how long the source may go without a good run
     * @param stale whether it has gone longer
     */
    record SourceFreshness(Instant lastGoodRun, long allowedSeconds, boolean stale) {}
}
