package org.contacthub.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.BiConsumer;
import org.contacthub.load.RunResult;

/**
 * The progress of one backfill, kept by its worker; each change is handed to a listener, which stores it
 * for every hub's page and API to read.
 */
final class BackfillRun {

    /** Where a backfill is. */
    enum State {
        RUNNING,
        DONE,
        FAILED
    }

    private final String source;
    private final LocalDate from;
    private final String hub;
    private final Clock clock;
    private final BiConsumer<BackfillProgress, Double> changed;
    private final Instant startedAt;
    private State state = State.RUNNING;
    private long unitsDone;
    private long unitsTotal = -1;
    private double fractionDone;
    private long loaded;
    private long duplicate;
    private long rejected;
    private Instant endedAt;
    private String problem;

    /**
     * @param hub the hub doing the work
     * @param changed told the progress and the exact fraction done after every change
     */
    BackfillRun(String source, LocalDate from, String hub, Clock clock, BiConsumer<BackfillProgress, Double> changed) {
        this.source = source;
        this.from = from;
        this.hub = hub;
        this.clock = clock;
        this.changed = changed;
        this.startedAt = clock.instant();
    }

    synchronized void total(long units) {
        unitsTotal = units;
        changed.accept(progress(), fractionDone);
    }

    /** One unit (a file, a page, an inbox folder) is loaded; the fraction is how much of the whole is done now. */
    synchronized void unitDone(RunResult result, double fraction) {
        unitsDone++;
        loaded += result.loaded();
        duplicate += result.duplicate();
        rejected += result.rejected();
        fractionDone = Math.max(fractionDone, Math.min(1.0, fraction));
        changed.accept(progress(), fractionDone);
    }

    synchronized void done() {
        state = State.DONE;
        fractionDone = 1.0;
        endedAt = clock.instant();
        changed.accept(progress(), fractionDone);
    }

    synchronized void failed(String reason) {
        state = State.FAILED;
        problem = reason;
        endedAt = clock.instant();
        changed.accept(progress(), fractionDone);
    }

    synchronized BackfillProgress progress() {
        return new BackfillProgress(
                source,
                from,
                state,
                hub,
                unitsDone,
                unitsTotal < 0 ? null : unitsTotal,
                percent(fractionDone),
                loaded,
                duplicate,
                rejected,
                startedAt,
                endedAt,
                secondsLeft(state, fractionDone, startedAt, clock.instant()),
                problem);
    }

    /** A fraction done as a percentage to one decimal place. */
    static double percent(double fraction) {
        return Math.round(fraction * 1000) / 10.0;
    }

    /** Time so far scaled by what is left; zero once ended, unknown until something is done. */
    static Long secondsLeft(State state, double fraction, Instant startedAt, Instant now) {
        if (state != State.RUNNING) {
            return 0L;
        }
        if (fraction <= 0) {
            return null;
        }
        long elapsed = Duration.between(startedAt, now).toSeconds();
        return Math.round(elapsed * (1 - fraction) / fraction);
    }

    /**
     * What a backfill has done so far.
     *
     * @param source the source in the run log's terms
     * @param from the first day backfilled
     * @param state running, done or failed
     * @param hub the hub doing the work, as process id @ host
     * @param unitsDone files, pages or inbox folders loaded so far
     * @param unitsTotal files or inbox folders to load in all; null when the source cannot tell in advance (forms)
     * @param percentDone how much of the whole is done, 0 to 100
     * @param loaded new contacts stored
     * @param duplicate contacts that were already stored
     * @param rejected records set aside with a reason
     * @param startedAt when it started
     * @param endedAt when it ended; null while running
     * @param secondsLeft the estimate of the time left; null until there is a basis for one
     * @param problem why it failed; null otherwise
     */
    record BackfillProgress(
            String source,
            LocalDate from,
            State state,
            String hub,
            long unitsDone,
            Long unitsTotal,
            double percentDone,
            long loaded,
            long duplicate,
            long rejected,
            Instant startedAt,
            Instant endedAt,
            Long secondsLeft,
            String problem) {}
}
