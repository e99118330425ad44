package org.contacthub.webform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StoppingPauseTests {

    private final StoppingPause pause = new StoppingPause();

    @Test
    void waitsTheWholeTimeWhileTheHubRuns() throws InterruptedException {
        assertThat(pause.pause(Duration.ofMillis(20))).isTrue();
    }

    @Test
    void wakesAWaitingPollAsSoonAsTheHubStops() throws Exception {
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return pause.pause(Duration.ofMinutes(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        pause.hubStopping();

        assertThat(waiting.get(10, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void waitsNoMoreOnceTheHubIsStopping() throws InterruptedException {
        pause.hubStopping();

        assertThat(pause.pause(Duration.ofMinutes(10))).isFalse();
    }
}
