package org.contacthub.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.contacthub.email.InboxMailCollector;
import org.contacthub.webform.FormPageCollector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Collects a source again from a given day, in the background and one at a time per source, without
 * double counting: every unit goes through the channel's own loader, whose natural keys make
 * anything already stored a duplicate. Progress lives on the hub that runs the backfill.
 */
@Component
class Backfills {

    private static final Logger log = LoggerFactory.getLogger(Backfills.class);

    private final FormPageCollector forms;
    private final ArchivedCallFiles archive;
    private final InboxMailCollector inboxes;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, BackfillRun> latest = new ConcurrentHashMap<>();

    Backfills(FormPageCollector forms, ArchivedCallFiles archive, InboxMailCollector inboxes) {
        this.forms = forms;
        this.archive = archive;
        this.inboxes = inboxes;
    }

    /** What became of a request to backfill a source. */
    enum Outcome {
        STARTED,
        ALREADY_RUNNING
    }

    synchronized Outcome start(ScheduledSource source, LocalDate from) {
        BackfillRun current = latest.get(source.source());
        if (current != null && current.running()) {
            return Outcome.ALREADY_RUNNING;
        }
        BackfillRun run = new BackfillRun(source.source(), from, clock);
        latest.put(source.source(), run);
        Thread worker = new Thread(() -> work(source, from, run), "backfill-" + source.source());
        worker.setDaemon(true);
        worker.start();
        log.info("Backfill of {} from {} started", source.source(), from);
        return Outcome.STARTED;
    }

    /** The latest backfill of each source, running or finished. */
    List<BackfillRun.BackfillProgress> all() {
        return latest.values().stream()
                .map(BackfillRun::progress)
                .sorted(Comparator.comparing(BackfillRun.BackfillProgress::source))
                .toList();
    }

    private void work(ScheduledSource source, LocalDate from, BackfillRun run) {
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
            log.error("Backfill of {} from {} stopped: {}", source.source(), from, e.getMessage());
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
