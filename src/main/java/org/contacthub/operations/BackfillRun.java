package org.contacthub.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.contacthub.load.RunResult;

/** The progress of one backfill, updated by its worker and read by the page and the API. */
final class BackfillRun {

    /** Where a backfill is. */
    enum State {
        RUNNING,
        DONE,
        FAILED
    }

    private final String source;
    private final LocalDate from;
    private final Clock clock;
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

    BackfillRun(String source, LocalDate from, Clock clock) {
        this.source = source;
        this.from = from;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    synchronized void total(long units) {
        unitsTotal = units;
    }

    /** One unit (a file, a page, an inbox folder) is loaded; the fraction is how much of the whole is done now. */
    synchronized void unitDone(RunResult result, double fraction) {
        unitsDone++;
        loaded += result.loaded();
        duplicate += result.duplicate();
        rejected += result.rejected();
        fractionDone = Math.max(fractionDone, Math.min(1.0, fraction));
    }

    synchronized void done() {
        state = State.DONE;
        fractionDone = 1.0;
        endedAt = clock.instant();
    }

    synchronized void failed(String reason) {
        state = State.FAILED;
        problem = reason;
        endedAt = clock.instant();
    }

    synchronized boolean running() {
        return state == State.RUNNING;
    }

    synchronized BackfillProgress progress() {
        return new BackfillProgress(
                source,
                from,
                state,
                unitsDone,
                unitsTotal < 0 ? null : unitsTotal,
                Math.round(fractionDone * 1000) / 10.0,
                loaded,
                duplicate,
                rejected,
                startedAt,
                endedAt,
                secondsLeft(),
                problem);
    }

    /** Time so far scaled by what is left; unknown until something is done. */
    private Long secondsLeft() {
        if (state != State.RUNNING) {
            return 0L;
        }
        if (fractionDone <= 0) {
            return null;
        }
        long elapsed = Duration.between(startedAt, clock.instant()).toSeconds();
        return Math.round(elapsed * (1 - fractionDone) / fractionDone);
    }

    /**
     * What a backfill has done so far.
     *
     * @param source the source in the run log's terms
     * @param from the first day backfilled
     * @param state running, done or failed
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
