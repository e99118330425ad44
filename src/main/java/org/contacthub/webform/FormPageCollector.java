package org.contacthub.webform;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.contacthub.load.CollectionRuns;
import org.contacthub.load.ContactLoader;
import org.contacthub.load.ContactSink;
import org.contacthub.load.LoadFailedException;
import org.contacthub.load.RunResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pages through the form platform's submissions list from the saved cursor. Each page is one
 * collection run whose contacts and next cursor commit together, so a poll stopped anywhere
 * resumes after the last committed page and adds no duplicates.
 */
public class FormPageCollector {

    static final String SOURCE = "webform";

    private static final Logger log = LoggerFactory.getLogger(FormPageCollector.class);

    private final WebformSettings settings;
    private final FormApiClient api;
    private final SubmissionPageReader reader;
    private final FormCursors cursors;
    private final FailedPages failedPages;
    private final ContactLoader loader;
    private final CollectionRuns runs;

    FormPageCollector(
            WebformSettings settings,
            FormApiClient api,
            FormCursors cursors,
            FailedPages failedPages,
            ContactLoader loader,
            CollectionRuns runs) {
        this.settings = settings;
        this.api = api;
        this.reader = new SubmissionPageReader(settings);
        this.cursors = cursors;
        this.failedPages = failedPages;
        this.loader = loader;
        this.runs = runs;
    }

    /** Reads pages until the platform has no more, a page fails, or the poll's page limit is reached. */
    public synchronized FormPollResult collect() {
        FormCursor cursor =
                cursors.find(settings.platform()).orElseGet(() -> FormCursor.startingOn(settings.startDate()));
        FormPollResult poll = FormPollResult.nothingYet();
        for (int number = 1; number <= settings.maxPagesPerPoll(); number++) {
            SubmissionPage page;
            try {
                page = reader.read(api.get(pageUri(cursor)), "page " + number + " of this poll");
            } catch (FormApiFailure e) {
                return stop(poll, failRun(e.getMessage()), e.needsPerson());
            } catch (BrokenPageException e) {
                return stop(poll, keepBrokenPage(cursor, e), true);
            }
            try {
                poll = poll.plus(load(page, cursor.after(page)), page.skipped());
            } catch (LoadFailedException e) {
                return poll.failedWith(e.getMessage());
            }
            cursor = cursor.after(page);
            if (!page.hasMore()) {
                return finished(poll);
            }
        }
        log.info(
                "Webform poll of {} reached its limit of {} pages; the next poll goes on from there",
                settings.platform(),
                settings.maxPagesPerPoll());
        return poll;
    }

    /**
     * Re-reads every submission updated since the watermark, page by page, each page one collection
     * run. The saved cursor is neither read nor moved, so scheduled polls go on as before; submissions
     * already loaded count as duplicates by their natural key. Not synchronised with {@link #collect},
     * so a long backfill never holds up the schedule.
     *
     * @param afterEachPage told each page's counts and the newest update on it (null when none)
     * @throws IllegalStateException when a page cannot be fetched or read; pages before it stay loaded
     */
    public void backfill(Instant updatedSince, BiConsumer<RunResult, Instant> afterEachPage) {
        FormCursor cursor = new FormCursor(updatedSince, null, null);
        for (int number = 1; ; number++) {
            SubmissionPage page;
            try {
                page = reader.read(api.get(pageUri(cursor)), "backfill page " + number);
            } catch (FormApiFailure | BrokenPageException e) {
                throw new IllegalStateException("Backfill page " + number + " failed: " + e.getMessage(), e);
            }
            RunResult result = loader.load(SOURCE, settings.platform() + " backfill", sink -> emit(page, sink));
            afterEachPage.accept(result, page.newestUpdate());
            if (!page.hasMore()) {
                return;
            }
            cursor = cursor.after(page);
        }
    }

    /**
     * Asks the forms API, signed in, for one submission updated from now on, without retries and
     * without loading anything; for a health check.
     *
     * @throws IllegalStateException naming why the API did not answer 200
     */
    public void probe() {
        StringBuilder query = new StringBuilder();
        parameter(query, settings.query().updatedSince(), Instant.now().toString());
        parameter(query, settings.query().limit(), "1");
        try {
            api.probe(URI.create(stripSlash(settings.baseUrl()) + settings.submissionsPath() + "?" + query));
        } catch (FormApiFailure | BrokenPageException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private RunResult load(SubmissionPage page, FormCursor next) {
        return loader.load(
                SOURCE,
                settings.platform(),
                sink -> emit(page, sink),
                (connection, counts) -> cursors.save(connection, settings.platform(), next));
    }

    private static void emit(SubmissionPage page, ContactSink sink) {
        page.contacts().forEach(sink::accept);
        page.rejections().forEach(sink::reject);
    }

    private String failRun(String reason) {
        long runId = runs.open(SOURCE, settings.platform());
        runs.fail(runId, reason);
        return reason;
    }

    private String keepBrokenPage(FormCursor cursor, BrokenPageException broken) {
        long runId = runs.open(SOURCE, settings.platform());
        runs.fail(runId, broken.getMessage());
        failedPages.keep(SOURCE, pageKey(cursor), broken, runId);
        return broken.getMessage() + "; kept as a failed input";
    }

    private FormPollResult stop(FormPollResult poll, String reason, boolean needsPerson) {
        if (needsPerson) {
            log.error(
                    "Webform poll of {} stopped after {} pages, the cursor stays before the failure: {}",
                    settings.platform(),
                    poll.pages(),
                    reason);
        } else {
            log.warn(
                    "Webform poll of {} stopped after {} pages, the next poll tries again: {}",
                    settings.platform(),
                    poll.pages(),
                    reason);
        }
        return poll.failedWith(reason);
    }

    private FormPollResult finished(FormPollResult poll) {
        log.info(
                "Webform poll of {} read {} pages: loaded {}, duplicate {}, rejected {}, not counted {}",
                settings.platform(),
                poll.pages(),
                poll.loaded(),
                poll.duplicate(),
                poll.rejected(),
                poll.skipped());
        return poll;
    }

    private URI pageUri(FormCursor cursor) {
        WebformSettings.QueryNames names = settings.query();
        StringBuilder query = new StringBuilder();
        parameter(query, names.updatedSince(), cursor.updatedSince().toString());
        if (cursor.cursor() != null) {
            parameter(query, names.cursor(), cursor.cursor());
        }
        parameter(query, names.limit(), Integer.toString(settings.pageLimit()));
        return URI.create(stripSlash(settings.baseUrl()) + settings.submissionsPath() + "?" + query);
    }

    private String pageKey(FormCursor cursor) {
        return settings.platform() + " updated_since=" + cursor.updatedSince() + " cursor="
                + (cursor.cursor() == null ? "" : cursor.cursor());
    }

    private static void parameter(StringBuilder query, String name, String value) {
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
