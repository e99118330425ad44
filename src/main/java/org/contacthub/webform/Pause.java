package org.contacthub.webform;

import java.time.Duration;

/** Waits between tries; tests pass one that only records the wait, so backoff never slows them down. */
@FunctionalInterface
interface Pause {

    /**
     * Waits for the duration.
     *
     * @return true when the whole wait passed; false when it was cut short because the hub is stopping
     */
    boolean pause(Duration duration) throws InterruptedException;
}
