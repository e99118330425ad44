package org.contacthub.phone;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The header names a layout maps to the hub's call fields. Names compare without regard to case. Optional
 * columns are null; the start is either one column or a date column plus a time column.
 */
record LayoutColumns(
        String dialledNumber,
        String start,
        String startDate,
        String startTime,
        String waitSeconds,
        String talkSeconds,
        String outcome,
        String callId,
        List<String> callIdFrom,
        String transferGroup,
        Set<String> personal,
        Set<String> other) {

    /** Every column the layout reads a value from; none of them may be personal. */
    List<String> mapped() {
        List<String> names = new ArrayList<>();
        for (String name : new String[] {
            dialledNumber, start, startDate, startTime, waitSeconds, talkSeconds, outcome, callId, transferGroup
        }) {
            if (name != null) {
                names.add(name);
            }
        }
        names.addAll(callIdFrom);
        return names;
    }

    boolean isPersonal(String name) {
        return personal.contains(key(name));
    }

    /** True for a column whose values may appear in a rejected record's text. */
    boolean isShown(String name) {
        String key = key(name);
        if (personal.contains(key)) {
            return false;
        }
        return other.contains(key)
                || mapped().stream().anyMatch(mappedName -> key(mappedName).equals(key));
    }

    static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
