package org.contacthub.phone;

import java.time.ZoneId;
import java.util.List;

/**
 * How a layout writes when a call started: the patterns tried in order for a single date-time column, or for
 * separate date and time columns, and the zone of local times (null when every value carries its own offset).
 */
record StartTimes(List<TimePattern> dateTimes, List<TimePattern> dates, List<TimePattern> times, ZoneId zone) {

    boolean splitColumns() {
        return dateTimes.isEmpty();
    }

    String describe(List<TimePattern> patterns) {
        StringBuilder text = new StringBuilder();
        for (TimePattern pattern : patterns) {
            text.append(text.length() == 0 ? "" : " or ").append(pattern.pattern());
        }
        return text.toString();
    }
}
