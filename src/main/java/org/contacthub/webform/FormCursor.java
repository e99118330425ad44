package org.contacthub.webform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Where the next request of a platform's submissions list starts.
 *
 * @param updatedSince the watermark every page of the current sync asks with
 * @param cursor the platform's opaque cursor for the next page, or null at the start of a sync
 * @param seenUntil the newest updatedAt seen so far in this sync, or null
 */
record FormCursor(Instant updatedSince, String cursor, Instant seenUntil) {

    /** The first sync of a platform, from the start of the configured day in UTC. */
    static FormCursor startingOn(LocalDate day) {
        return new FormCursor(day.atStartOfDay(ZoneOffset.UTC).toInstant(), null, null);
    }

    /**
     * The cursor once a page is loaded. When the platform has no more, the next sync asks from the
     * newest update seen, so an update made while this sync was paging is still collected; the
     * repeats that brings are ignored by the natural key.
     */
    FormCursor after(SubmissionPage page) {
        Instant seen = latest(seenUntil, page.newestUpdate());
        if (page.hasMore()) {
            return new FormCursor(updatedSince, page.nextCursor(), seen);
        }
        return new FormCursor(latest(updatedSince, seen), null, null);
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
