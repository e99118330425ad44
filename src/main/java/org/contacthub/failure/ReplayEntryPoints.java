package org.contacthub.failure;

import java.util.Set;

/**
 * The only endpoints a replay may send to. A stored entry point outside this list is never used, so
 * nothing read from the database can choose where a message goes.
 */
final class ReplayEntryPoints {

    static final String FORM_PAGES = "direct:replay-form-pages";
    static final String PHONE_FILE = "direct:replay-phone-file";
    static final String INBOX_MAIL = "direct:replay-inbox-mail";

    private static final Set<String> ALLOWED = Set.of(FORM_PAGES, PHONE_FILE, INBOX_MAIL);

    private ReplayEntryPoints() {}

    static boolean isAllowed(String entryPoint) {
        return entryPoint != null && ALLOWED.contains(entryPoint);
    }
}
