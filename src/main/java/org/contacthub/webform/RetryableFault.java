package org.contacthub.webform;

import java.time.Duration;
import java.util.Optional;

/** A fault worth another try: a 429, a 5xx, a timeout or a dropped connection. */
final class RetryableFault extends Exception {

    private final transient Duration retryAfter;

    RetryableFault(String reason, Duration retryAfter) {
        super(reason, null, false, false);
        this.retryAfter = retryAfter;
    }

    RetryableFault(String reason) {
        this(reason, null);
    }

    /** How long the server asked the hub to wait, when it said. */
    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
