package org.contacthub.phone;

import java.io.InputStream;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.contacthub.load.CollectionRuns;
import org.contacthub.load.ContactLoader;
import org.contacthub.load.RunResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The phone route's bean: loads one call-record file from the drop as one collection run, and
 * records failed SFTP polls in the run log.
 */
@Component("callFileCollector")
public class CallFileCollector {

    static final String SOURCE = "phone";
    static final String POLL_REFERENCE = "sftp poll";

    private static final Logger log = LoggerFactory.getLogger(CallFileCollector.class);

    private final ContactLoader loader;
    private final CollectionRuns runs;
    private final Path layoutsFolder;
    private final CallRecordParser parser = new CallRecordParser();

    public CallFileCollector(
            ContactLoader loader,
            CollectionRuns runs,
            @Value("${contacthub.phone.layouts-folder}") Path layoutsFolder) {
        this.loader = loader;
        this.runs = runs;
        this.layoutsFolder = layoutsFolder;
    }

    /**
     * Loads a file. The layouts are read afresh for each file so that an edited layout applies
     * without a restart; a broken layout fails the run and leaves the file in the drop.
     *
     * @param relativePath the file's path within the drop folder, which picks its layout
     */
    public RunResult collect(InputStream body, @Header(Exchange.FILE_NAME) String relativePath) {
        return loader.load(SOURCE, relativePath, sink -> {
            PhoneLayout layout = new PhoneLayoutCatalogue(layoutsFolder).layoutFor(relativePath);
            parser.parse(body, relativePath, layout, sink);
        });
    }

    /** Records a poll that could not reach the drop (refused host key, no connection) as a failed run. */
    public void recordPollFailure(@org.apache.camel.ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        String reason = "SFTP poll failed: " + rootMessage(cause);
        long runId = runs.open(SOURCE, POLL_REFERENCE);
        runs.fail(runId, reason);
        log.error("Collection run {} of {} could not read the drop: {}", runId, SOURCE, reason);
    }

    private static String rootMessage(Throwable cause) {
        Throwable root = cause;
        StringBuilder message = new StringBuilder(String.valueOf(cause.getMessage()));
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            message.append(": ").append(root.getMessage());
        }
        return message.toString();
    }
}
