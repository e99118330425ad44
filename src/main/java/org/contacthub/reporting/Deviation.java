package org.contacthub.reporting;

/**
 * How far one period's count stands from its own recent baseline and from the same period a year
 * earlier, and whether that is unusual enough to flag.
 *
 * @param current the period's count
 * @param baselineMean the mean of the trailing baseline periods
 * @param baselineSpread the standard deviation used, never below the square root of the mean
 * @param score how many spreads the count is from the mean; null without enough baseline
 * @param yearAgo the same period a year earlier; null when the channel had not started then
 * @param yearOnYear the change against a year ago as a fraction (0.3 is 30% up); null without a year ago
 * @param flag whether the count is unusually high or low
 */
record Deviation(
        long current,
        double baselineMean,
        double baselineSpread,
        Double score,
        Long yearAgo,
        Double yearOnYear,
        Flag flag) {

    /** What the comparison found. */
    enum Flag {
        HIGH,
        LOW,
        NORMAL
    }

    /**
     * What counts as unusual.
     *
     * @param scoreThreshold how many spreads from the mean is unusual, such as 2
     * @param yearOnYearThreshold the change against a year ago that is unusual, such as 0.3
     * @param minimumBaseline the fewest baseline periods that make a mean and spread worth reading
     * @param minimumContacts counts below this on both sides of a comparison are too small to flag
     */
    record Thresholds(double scoreThreshold, double yearOnYearThreshold, int minimumBaseline, long minimumContacts) {}

    /**
     * Compares a count with its baseline and a year ago. The spread has a floor of the square root of
     * the mean, the natural noise of a count, so a flat baseline does not turn a change of one into a flag.
     */
    static Deviation of(long current, long[] baseline, Long yearAgo, Thresholds thresholds) {
        double mean = mean(baseline);
        double spread = Math.max(standardDeviation(baseline, mean), Math.sqrt(mean));
        boolean enough = baseline.length >= thresholds.minimumBaseline() && spread > 0;
        Double score = enough ? (current - mean) / spread : null;
        Double change = yearAgo != null && yearAgo > 0 ? (current - yearAgo) / (double) yearAgo : null;
        boolean large =
                Math.max(current, Math.max(mean, yearAgo == null ? 0 : yearAgo)) >= thresholds.minimumContacts();
        Flag flag = large ? flag(score, change, thresholds) : Flag.NORMAL;
        return new Deviation(current, mean, spread, score, yearAgo, change, flag);
    }

    private static Flag flag(Double score, Double change, Thresholds thresholds) {
        if (score != null && Math.abs(score) >= thresholds.scoreThreshold()) {
            return score > 0 ? Flag.HIGH : Flag.LOW;
        }
        if (change != null && Math.abs(change) >= thresholds.yearOnYearThreshold()) {
            return change > 0 ? Flag.HIGH : Flag.LOW;
        }
        return Flag.NORMAL;
    }

    private static double mean(long[] values) {
        if (values.length == 0) {
            return 0;
        }
        double sum = 0;
        for (long value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    /** The sample standard deviation; zero for fewer than two values. */
    private static double standardDeviation(long[] values, double mean) {
        if (values.length < 2) {
            return 0;
        }
        double squares = 0;
        for (long value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }
}
