package org.contacthub.bench;

import java.util.Arrays;
import java.util.concurrent.Callable;

/** Times a query many times after a few warm-up runs and keeps its median and 95th percentile. */
final class QueryTimings {

    private static final int WARM_UP = 3;

    /** One query's timings, in milliseconds. */
    record Timing(String query, int samples, double medianMillis, double p95Millis, double maxMillis) {}

    private QueryTimings() {}

    static Timing time(String query, Callable<?> run, int samples) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            run.call();
        }
        double[] millis = new double[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            run.call();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new Timing(query, samples, percentile(millis, 0.5), percentile(millis, 0.95), millis[samples - 1]);
    }

    /** The nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
