package org.contacthub.webform;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Sleeps between tries of the forms API, but wakes at once when the hub starts to stop: a poll waiting
 * out a long backoff would otherwise hold up shutdown until Camel gives up on it. The poll then ends
 * like any failed poll, with the cursor at the last committed page, and the next poll carries on.
 */
final class StoppingPause implements Pause {

    private final CountDownLatch stopping = new CountDownLatch(1);

    @Override
    public boolean pause(Duration duration) throws InterruptedException {
        return !stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Told before Camel stops its routes, so that a waiting poll can end before Camel waits for it. */
    @EventListener(ContextClosedEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void hubStopping() {
        stopping.countDown();
    }
}
