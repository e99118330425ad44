package org.contacthub.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The periods one highs-and-lows comparison reads: the latest complete period, the trailing baseline
 * before it and the same period a year earlier. A period that ended before its channel started is
 * left out rather than counted as zero, so a young channel is compared only with its own history.
 */
final class PeriodSeries {

    private final Grain grain;
    private final LocalDate latest;
    private final int baselinePeriods;
    private final LocalDate yearAgo;
    private final Map<String, LocalDate> channelStarts;

    PeriodSeries(Grain grain, LocalDate latest, int periods, LocalDate yearAgo, Map<String, LocalDate> starts) {
        this.grain = grain;
        this.latest = latest;
        this.baselinePeriods = periods;
        this.yearAgo = yearAgo;
        this.channelStarts = starts;
    }

    /** One service and channel's comparison, from its counts by period start; empty before the channel began. */
    Optional<Deviation> compare(String channel, Map<LocalDate, Long> counts, Deviation.Thresholds thresholds) {
        LocalDate start = channelStarts.getOrDefault(channel, LocalDate.MIN);
        if (grain.end(latest).isBefore(start)) {
            return Optional.empty();
        }
        List<Long> baseline = new ArrayList<>();
        LocalDate period = latest;
        for (int i = 0; i < baselinePeriods; i++) {
            period = previous(period);
            if (!grain.end(period).isBefore(start)) {
                baseline.add(counts.getOrDefault(period, 0L));
            }
        }
        Long yearEarlier = grain.end(yearAgo).isBefore(start) ? null : counts.getOrDefault(yearAgo, 0L);
        long[] values = baseline.stream().mapToLong(Long::longValue).toArray();
        return Optional.of(Deviation.of(counts.getOrDefault(latest, 0L), values, yearEarlier, thresholds));
    }

    private LocalDate previous(LocalDate period) {
        return switch (grain) {
            case DAY -> period.minusDays(1);
            case WEEK -> period.minusWeeks(1);
            case MONTH -> period.minusMonths(1);
        };
    }
}
