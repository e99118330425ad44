package org.contacthub.operations;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.contacthub.email.InboxMailCollector;
import org.contacthub.load.LogText;
import org.contacthub.webform.FormPageCollector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Collects a source again from a given day, in the background and one at a time per source across the
 * cluster, without double counting: every unit goes through the channel's own loader, whose natural keys
 * make anything already stored a duplicate. Progress is stored in backfill_run, so every hub shows it.
 */
@Component
class Backfills {

    private static final Logger log = LoggerFactory.getLogger(Backfills.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(30);

    private final FormPageCollector forms;
    private final ArchivedCallFiles archive;
    private final InboxMailCollector inboxes;
    private final BackfillStore store;
    private final Duration staleAfter;
    private final Clock clock = Clock.systemUTC();
    private final String hub = ThisHub.NAME;
    private final Set<Long> mine = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "backfill-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param staleAfter how long a running backfill may go without progress or heartbeat before the next
     *     start of its source takes it for left behind by a stopped hub
     */
    Backfills(
            FormPageCollector forms,
            ArchivedCallFiles archive,
            InboxMailCollector inboxes,
            BackfillStore store,
            @Value("${contacthub.operations.backfill-stale-after:5m}") Duration staleAfter) {
        this.forms = forms;
        this.archive = archive;
        this.inboxes = inboxes;
        this.store = store;
        this.staleAfter = staleAfter;
        long every = HEARTBEAT.toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /** What became of a request to backfill a source. */
    enum Outcome {
        STARTED,
        ALREADY_RUNNING
    }

    synchronized Outcome start(ScheduledSource source, LocalDate from) {
        Instant now = clock.instant();
        int abandoned = store.abandonStale(source.source(), now.minus(staleAfter), now);
        if (abandoned > 0) {
            log.warn("A backfill of {} had made no progress for {} and was marked failed", source.source(), staleAfter);
        }
        Optional<Long> claimed = store.claim(source.source(), from, hub, now);
        if (claimed.isEmpty()) {
            return Outcome.ALREADY_RUNNING;
        }
        long id = claimed.get();
        mine.add(id);
        BackfillRun run = new BackfillRun(
                source.source(), from, hub, clock, (progress, fraction) -> keep(id, progress, fraction));
        Thread worker = new Thread(() -> work(source, from, run, id), "backfill-" + source.source());
        worker.setDaemon(true);
        worker.start();
        log.info("Backfill of {} from {} started", source.source(), from);
        return Outcome.STARTED;
    }

    /** The latest backfill of each source, running or finished, on whichever hub. */
    List<BackfillRun.BackfillProgress> all() {
        return store.latest(clock.instant()).stream()
                .sorted(Comparator.comparing(BackfillRun.BackfillProgress::source))
                .toList();
    }

    @PreDestroy
    void stopHeartbeat() {
        heartbeat.shutdownNow();
    }

    /** Stores a change; a database that is away costs the page a step of progress, never the backfill. */
    private void keep(long id, BackfillRun.BackfillProgress progress, double fraction) {
        try {
            store.save(id, progress, fraction, clock.instant());
        } catch (DataAccessException e) {
            log.warn("Progress of the {} backfill could not be stored: {}", progress.source(), e.getMessage());
        }
    }

    private void beat() {
        try {
            store.heartbeat(List.copyOf(mine), clock.instant());
        } catch (DataAccessException e) {
            log.warn("The backfill heartbeat could not be stored: {}", e.getMessage());
        }
    }

    private void work(ScheduledSource source, LocalDate from, BackfillRun run, long id) {
        try {
            switch (source) {
                case WEBFORM -> backfillForms(from, run);
                case PHONE -> archive.backfill(from, run);
                case EMAIL -> backfillInboxes(from, run);
            }
            run.done();
            BackfillRun.BackfillProgress done = run.progress();
            log.info(
                    "Backfill of {} from {} done: {} units, loaded {}, duplicate {}, rejected {}",
                    done.source(),
                    from,
                    done.unitsDone(),
                    done.loaded(),
                    done.duplicate(),
                    done.rejected());
        } catch (RuntimeException e) {
            run.failed(e.getMessage());
            log.error("Backfill of {} from {} stopped: {}", source.source(), from, LogText.safe(e.getMessage()));
        } finally {
            mine.remove(id);
        }
    }

    /** Each folder of each inbox is one unit, so progress counts folders. */
    private void backfillInboxes(LocalDate from, BackfillRun run) {
        inboxes.backfill(from, run::total, (folder, result) -> {
            BackfillRun.BackfillProgress before = run.progress();
            run.unitDone(result, (before.unitsDone() + 1.0) / before.unitsTotal());
            log.info(
                    "Backfill of email from {}: inbox folder {} ({} of {}) loaded {}, duplicate {}",
                    from,
                    folder,
                    before.unitsDone() + 1,
                    before.unitsTotal(),
                    result.loaded(),
                    result.duplicate());
        });
    }

    /** Forms say nothing of how many pages there are, so progress is how far the watermark has come. */
    private void backfillForms(LocalDate from, BackfillRun run) {
        Instant since = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Duration whole = Duration.between(since, clock.instant());
        forms.backfill(since, (result, newest) -> {
            double fraction = newest == null || whole.isZero()
                    ? 0
                    : (double) Duration.between(since, newest).toSeconds() / whole.toSeconds();
            run.unitDone(result, fraction);
            BackfillRun.BackfillProgress now = run.progress();
            log.info(
                    "Backfill of webform from {}: page {} loaded {}, duplicate {}; about {}% done",
                    from, now.unitsDone(), result.loaded(), result.duplicate(), now.percentDone());
        });
    }
}
