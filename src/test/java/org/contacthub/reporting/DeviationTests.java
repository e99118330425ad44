package org.contacthub.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Highs and lows on constructed series with known means, spreads and year-on-year changes. */
class DeviationTests {

    private static final Deviation.Thresholds THRESHOLDS = new Deviation.Thresholds(2.0, 0.3, 4, 20);
    private static final long[] BASELINE = {90, 110, 90, 110, 90, 110, 90, 110, 90, 110, 90, 110};

    @Test
    void flagsAWeekMoreThanTwoSpreadsAboveItsBaseline() {
        Deviation week = Deviation.of(125, BASELINE, null, THRESHOLDS);

        // Mean 100; sample standard deviation sqrt(12 * 100 / 11) = 10.445; (125 - 100) / 10.445 = 2.39.
        assertThat(week.baselineMean()).isEqualTo(100.0);
        assertThat(week.baselineSpread()).isCloseTo(10.445, within(0.001));
        assertThat(week.score()).isCloseTo(2.394, within(0.001));
        assertThat(week.flag()).isEqualTo(Deviation.Flag.HIGH);
    }

    @Test
    void leavesAWeekWithinTwoSpreadsUnflagged() {
        Deviation week = Deviation.of(115, BASELINE, 110L, THRESHOLDS);

        assertThat(week.score()).isCloseTo(1.436, within(0.001));
        assertThat(week.yearOnYear()).isCloseTo(0.045, within(0.001));
        assertThat(week.flag()).isEqualTo(Deviation.Flag.NORMAL);
    }

    @Test
    void flagsALowAgainstAYearEarlierWhenTheBaselineIsTooShort() {
        Deviation month = Deviation.of(60, new long[] {100, 100}, 100L, THRESHOLDS);

        assertThat(month.score()).isNull();
        assertThat(month.yearOnYear()).isCloseTo(-0.4, within(0.0001));
        assertThat(month.flag()).isEqualTo(Deviation.Flag.LOW);
    }

    @Test
    void usesTheNoiseOfACountAsTheSmallestSpread() {
        Deviation flat = Deviation.of(108, new long[] {100, 100, 100, 100}, null, THRESHOLDS);

        // A flat baseline has no spread; sqrt(100) = 10 stands in, so 108 is 0.8 spreads up, not infinitely many.
        assertThat(flat.baselineSpread()).isEqualTo(10.0);
        assertThat(flat.score()).isCloseTo(0.8, within(0.0001));
        assertThat(flat.flag()).isEqualTo(Deviation.Flag.NORMAL);
    }

    @Test
    void neverFlagsCountsTooSmallToMatter() {
        Deviation tiny = Deviation.of(9, new long[] {1, 1, 1, 1}, 1L, THRESHOLDS);

        assertThat(tiny.flag()).isEqualTo(Deviation.Flag.NORMAL);
    }

    @Test
    void comparesOnlyWithWeeksAfterTheChannelStarted() {
        LocalDate latest = LocalDate.parse("2025-03-03");
        Map<LocalDate, Long> counts = new HashMap<>();
        for (int i = 1; i <= 4; i++) {
            counts.put(latest.minusWeeks(i), 100L);
        }
        counts.put(latest, 140L);
        PeriodSeries series =
                new PeriodSeries(Grain.WEEK, latest, 12, latest.minusWeeks(52), Map.of("email", latest.minusWeeks(4)));

        Deviation week = series.compare("email", counts, THRESHOLDS).orElseThrow();

        // Four weeks of 100 since the start, not eight more weeks of zero before it.
        assertThat(week.baselineMean()).isEqualTo(100.0);
        assertThat(week.yearAgo()).isNull();
        assertThat(week.score()).isCloseTo(4.0, within(0.0001));
        assertThat(week.flag()).isEqualTo(Deviation.Flag.HIGH);
    }
}
