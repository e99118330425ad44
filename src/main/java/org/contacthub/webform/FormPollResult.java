package org.contacthub.webform;

/**
 * What one poll of the forms API did, summed over the pages it loaded.
 *
 * @param pages pages loaded and committed
 * @param loaded new contacts stored
 * @param duplicate counted submissions already stored
 * @param rejected items set aside with a reason
 * @param skipped tests, drafts and other states that do not count
 * @param failure why the poll stopped early, or null when it read to the end or to its page limit
 */
public record FormPollResult(int pages, long loaded, long duplicate, long rejected, long skipped, String failure) {

    static FormPollResult nothingYet() {
        return new FormPollResult(0, 0, 0, 0, 0, null);
    }

    FormPollResult plus(org.contacthub.load.RunResult run, int skippedOnPage) {
        return new FormPollResult(
                pages + 1,
                loaded + run.loaded(),
                duplicate + run.duplicate(),
                rejected + run.rejected(),
                skipped + skippedOnPage,
                null);
    }

    FormPollResult failedWith(String reason) {
        return new FormPollResult(pages, loaded, duplicate, rejected, skipped, reason);
    }

    public boolean succeeded() {
        return failure == null;
    }
}
