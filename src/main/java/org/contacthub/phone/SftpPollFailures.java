package org.contacthub.phone;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.component.file.remote.RemoteFilePollingConsumerPollStrategy;
import org.contacthub.load.CollectionRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records a poll of the drop that failed before any file was read (a refused host key, no
 * connection, a login refused) as a failed run, so the run log shows it instead of a skipped poll.
 */
@Component("sftpPollFailures")
class SftpPollFailures extends RemoteFilePollingConsumerPollStrategy {

    static final String POLL_REFERENCE = "sftp poll";

    private static final Logger log = LoggerFactory.getLogger(SftpPollFailures.class);

    private final CollectionRuns runs;

    SftpPollFailures(CollectionRuns runs) {
        this.runs = runs;
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) throws Exception {
        String reason = "SFTP poll failed: " + causes(cause);
        try {
            runs.fail(runs.open(CallFileCollector.SOURCE, POLL_REFERENCE), reason);
        } catch (RuntimeException e) {
            log.warn("Could not record the failed SFTP poll in the run log: {}", e.getMessage());
        }
        log.error("The phone route could not read the SFTP drop: {}", reason);
        return super.rollback(consumer, endpoint, retryCounter, cause);
    }

    private static String causes(Throwable cause) {
        StringBuilder message = new StringBuilder(String.valueOf(cause.getMessage()));
        for (Throwable next = cause.getCause(); next != null && next != cause; next = next.getCause()) {
            message.append(": ").append(next.getMessage());
            cause = next;
        }
        return message.toString();
    }
}
