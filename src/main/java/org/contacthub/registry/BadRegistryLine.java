package org.contacthub.registry;

/** One registry line cannot become an entry; the message is the reason shown to whoever edits the file. */
final class BadRegistryLine extends Exception {

    BadRegistryLine(String reason) {
        super(reason, null, false, false);
    }
}
