package org.contacthub.reporting;

import java.time.LocalDate;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code contacthub.reporting} settings.
 *
 * @param answerTargetSeconds a call answered within this many seconds of waiting is answered on target
 * @param channelStart the first reporting day of a channel, where it is known better than the data says
 * @param highsAndLows what the highs and lows list treats as unusual
 */
@ConfigurationProperties("contacthub.reporting")
record ReportingSettings(
        @DefaultValue("20") int answerTargetSeconds,
        Map<String, LocalDate> channelStart,
        @DefaultValue HighsAndLows highsAndLows) {

    ReportingSettings {
        channelStart = channelStart == null ? Map.of() : Map.copyOf(channelStart);
    }

    /**
     * The highs and lows settings.
     *
     * @param baselineWeeks how many weeks before the latest complete week make its baseline
     * @param baselineMonths how many months before the latest complete month make its baseline
     * @param scoreThreshold how many standard deviations from the baseline mean is unusual
     * @param yearOnYearThreshold the change against the same period a year earlier that is unusual
     * @param minimumContacts periods smaller than this on every side are never flagged
     */
    record HighsAndLows(
            @DefaultValue("12") int baselineWeeks,
            @DefaultValue("12") int baselineMonths,
            @DefaultValue("2.0") double scoreThreshold,
            @DefaultValue("0.3") double yearOnYearThreshold,
            @DefaultValue("20") long minimumContacts) {

        Deviation.Thresholds thresholds() {
            return new Deviation.Thresholds(scoreThreshold, yearOnYearThreshold, 4, minimumContacts);
        }
    }

    static ReportingSettings defaults() {
        return new ReportingSettings(20, Map.of(), new HighsAndLows(12, 12, 2.0, 0.3, 20));
    }
}
