package org.contacthub.phone;

import java.util.List;

/**
 * The checks a layout's time settings must pass: patterns that fit its start columns, and either a zone for
 * local times or an offset in every pattern, never both, so that no start time is read in an unknown zone.
 */
final class TimeRules {

    private final StartTimes times;
    private final LayoutColumns columns;

    TimeRules(StartTimes times, LayoutColumns columns) {
        this.times = times;
        this.columns = columns;
    }

    void check() {
        if (columns.start() != null) {
            checkSingleColumn();
        } else {
            checkSplitColumns();
        }
        checkZone(times.dateTimes());
        checkZone(times.times());
    }

    private void checkSingleColumn() {
        require(!times.dateTimes().isEmpty(), "times.formats is required for columns.start");
        require(
                times.dates().isEmpty() && times.times().isEmpty(),
                "times.date-formats and times.time-formats are for start-date and start-time, not start");
        for (TimePattern pattern : times.dateTimes()) {
            require(
                    pattern.hasFullDate() && pattern.hasTime(),
                    "times.formats '" + pattern.pattern() + "' needs a year, month, day, hour and minute");
        }
    }

    private void checkSplitColumns() {
        require(times.dateTimes().isEmpty(), "times.formats is for columns.start; use date-formats and time-formats");
        require(
                !times.dates().isEmpty() && !times.times().isEmpty(),
                "times.date-formats and times.time-formats are required for start-date and start-time");
        for (TimePattern pattern : times.dates()) {
            require(
                    pattern.hasFullDate() && !pattern.hasTimeLetters() && !pattern.hasOffset(),
                    "times.date-formats '" + pattern.pattern() + "' must be a year, month and day only");
        }
        for (TimePattern pattern : times.times()) {
            require(
                    pattern.hasTime() && !pattern.hasDateLetters(),
                    "times.time-formats '" + pattern.pattern() + "' must be a time of day only");
        }
    }

    private void checkZone(List<TimePattern> patterns) {
        for (TimePattern pattern : patterns) {
            if (times.zone() == null) {
                require(
                        pattern.hasOffset(),
                        "'" + pattern.pattern() + "' has no offset (such as XXX), "
                                + "so times.zone must say where the local times are");
            } else {
                require(
                        !pattern.hasOffset(),
                        "'" + pattern.pattern() + "' carries an offset, so times.zone must " + "be left out");
            }
        }
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}
