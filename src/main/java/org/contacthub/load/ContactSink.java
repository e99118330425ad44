package org.contacthub.load;

/** Receives a source's records one at a time, so that a parser never holds a whole input in memory. */
public interface ContactSink {

    /** Takes one contact for loading. */
    void accept(ContactRecord contact);

    /** Sets one bad record aside with its reason; the rest of the input goes on loading. */
    void reject(Rejection rejection);
}
