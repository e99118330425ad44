package org.contacthub.bench;

import java.util.ArrayList;
import java.util.List;

/** What the dashboard, email and webform measurements found; a part that was skipped stays null. */
final class ChannelFigures {

    /** The dashboard's queries over generated history. */
    record Dashboard(long history, double generateSeconds, List<QueryTimings.Timing> queries) {}

    /**
     * A first sync and a no-change poll of one large inbox.
     *
     * @param server the IMAP server that held the inbox
     * @param firstSyncBytes bytes the IMAP server sent during the first sync, login included
     * @param noChangeBytes bytes the IMAP server sent during a poll that found nothing new
     */
    record Mail(
            String server,
            int messages,
            long loaded,
            double firstSyncSeconds,
            long firstSyncBytes,
            double noChangeSeconds,
            long noChangeBytes) {}

    /** One poll paging through every submission the forms API serves. */
    record Forms(int submissions, int pages, long loaded, long skipped, double seconds) {}

    final List<String> failures = new ArrayList<>();
    Dashboard dashboard;
    Mail mail;
    Forms forms;
}
