package org.contacthub.webform;

import java.time.Instant;
import java.util.List;
import org.contacthub.load.ContactRecord;
import org.contacthub.load.Rejection;

/**
 * One page of the submissions list, already reduced to what the hub keeps.
 *
 * @param contacts the submissions that count as contacts
 * @param rejections items with bad data, each with every unmapped field removed
 * @param skipped items that do not count: tests, drafts and any state not configured as counted
 * @param nextCursor the platform's cursor for the next page, or null
 * @param hasMore whether the platform has another page now
 * @param newestUpdate the newest updatedAt on the page, or null when the page has none
 */
record SubmissionPage(
        List<ContactRecord> contacts,
        List<Rejection> rejections,
        int skipped,
        String nextCursor,
        boolean hasMore,
        Instant newestUpdate) {

    int itemCount() {
        return contacts.size() + rejections.size() + skipped;
    }
}
