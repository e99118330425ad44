package org.contacthub.load;

import java.io.IOException;

/** Reads one source (a file, an inbox folder, a run of pages) and hands each record to the sink. */
@FunctionalInterface
public interface ContactProducer {

    void produce(ContactSink sink) throws IOException;
}
