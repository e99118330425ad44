package org.contacthub.webform;

import java.time.Duration;

/** Waits between tries; tests pass one that only records the wait, so backoff never slows them down. */
@FunctionalInterface
interface Pause {

    Pause SLEEP = duration -> Thread.sleep(duration.toMillis());

    void pause(Duration duration) throws InterruptedException;
}
