package org.contacthub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import javax.sql.DataSource;
import org.contacthub.load.CallOutcome;
import org.contacthub.load.CollectionRuns;
import org.contacthub.load.ContactLoader;
import org.contacthub.load.ContactRecord;
import org.contacthub.load.LoadObserver;
import org.contacthub.support.TestPostgres;
import org.junit.jupiter.api.Test;

/** The loader reports every step of a run to an observer, which is what the benchmark's breakdown rests on. */
class StepClockTests {

    @Test
    void loaderReportsEachStepAndTheHeapAtEachTenth() {
        DataSource dataSource = TestPostgres.newDatabase().dataSource();
        ContactLoader loader = new ContactLoader(dataSource, new CollectionRuns(dataSource), 100);
        StepClock clock = new StepClock(1000, HeapWatch.start());
        loader.observe(clock);

        loader.load("phone", "steps.csv", sink -> {
            for (int i = 0; i < 1000; i++) {
                sink.accept(call(i));
            }
        });

        for (LoadObserver.Step step : LoadObserver.Step.values()) {
            assertThat(clock.nanos(step)).as("time in %s", step).isPositive();
        }
        assertThat(clock.heapAtTenths()).hasSize(10);
    }

    @Test
    void percentileIsTheNearestRankOfSortedValues() {
        double[] sorted = new double[100];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i + 1;
        }

        assertThat(QueryTimings.percentile(sorted, 0.5)).isEqualTo(50);
        assertThat(QueryTimings.percentile(sorted, 0.95)).isEqualTo(95);
    }

    private static ContactRecord call(int i) {
        return ContactRecord.call(
                "+441632960001",
                Instant.parse("2025-03-01T09:00:00Z").plusSeconds(i),
                "steps:" + i,
                "steps.csv",
                i + 2L,
                false,
                CallOutcome.ANSWERED,
                5,
                50);
    }
}
