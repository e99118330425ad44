package org.contacthub.webform;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the wait before retry n is between half and all of
 * initial x 2^(n-1), never more than the bound, so many hubs retrying do not arrive together.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;

    Backoff(Duration initial, Duration max, RandomGenerator random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    Duration beforeRetry(int retry) {
        long ceiling = Math.min(max.toMillis(), initial.toMillis() << Math.min(retry - 1, 30));
        long half = ceiling / 2;
        return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
    }
}
