package org.contacthub.phone;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Turns a row's start date and time into an instant for one file. A local time in the repeated autumn hour
 * takes the earlier offset and is flagged as ambiguous; a local time in the spring gap never happened, so the
 * row is rejected. The offset of a day without a clock change is remembered, because most rows of a file fall
 * on the same few days.
 */
final class StartTimeReader {

    private static final long SECONDS_PER_DAY = 86_400;

    private final StartTimes format;
    private final ZoneRules rules;
    private final TimeFields fields = new TimeFields();
    private final TimeFields timeFields = new TimeFields();
    private long cachedDay = Long.MIN_VALUE;
    private ZoneOffset cachedOffset;
    private boolean ambiguous;

    StartTimeReader(StartTimes format) {
        this.format = format;
        this.rules = format.zone() == null ? null : format.zone().getRules();
    }

    /** True when the last instant read came from a local time in the repeated autumn hour. */
    boolean ambiguous() {
        return ambiguous;
    }

    Instant dateTime(char[] text, int start, int end, String column) {
        parse(format.dateTimes(), text, start, end, fields, column);
        return instant(column);
    }

    Instant dateAndTime(char[] text, int dateStart, int dateEnd, int timeStart, int timeEnd, String columns) {
        parse(format.dates(), text, dateStart, dateEnd, fields, columns);
        parse(format.times(), text, timeStart, timeEnd, timeFields, columns);
        fields.hour = timeFields.hour;
        fields.minute = timeFields.minute;
        fields.second = timeFields.second;
        fields.nano = timeFields.nano;
        return instant(columns);
    }

    private void parse(List<TimePattern> patterns, char[] text, int start, int end, TimeFields into, String column) {
        for (TimePattern pattern : patterns) {
            if (pattern.parse(text, start, end, into)) {
                return;
            }
        }
        throw new RowRejected("start time \"" + new String(text, start, end - start) + "\" in " + column
                + " does not match " + format.describe(patterns));
    }

    private Instant instant(String column) {
        LocalDateTime local = localDateTime(column);
        ambiguous = false;
        if (rules == null) {
            return local.toInstant(ZoneOffset.ofTotalSeconds(fields.offsetSeconds));
        }
        long day = local.toLocalDate().toEpochDay();
        if (day == cachedDay) {
            return local.toInstant(cachedOffset);
        }
        return zoned(local, day);
    }

    private LocalDateTime localDateTime(String column) {
        try {
            return LocalDateTime.of(
                    fields.year, fields.month, fields.day, fields.hour, fields.minute, fields.second, fields.nano);
        } catch (DateTimeException e) {
            throw new RowRejected("start time in " + column + " is not a real date and time: " + e.getMessage());
        }
    }

    private Instant zoned(LocalDateTime local, long day) {
        ZoneOffsetTransition transition = rules.getTransition(local);
        if (transition == null) {
            rememberIfSteady(day);
            return local.toInstant(rules.getOffset(local));
        }
        if (transition.isGap()) {
            throw new RowRejected("start time " + local + " does not exist in " + format.zone()
                    + ": the clocks went forward from "
                    + transition.getDateTimeBefore().toLocalTime() + " to "
                    + transition.getDateTimeAfter().toLocalTime() + " that day");
        }
        ambiguous = true;
        return local.toInstant(transition.getOffsetBefore());
    }

    private void rememberIfSteady(long day) {
        long dayStart = day * SECONDS_PER_DAY;
        ZoneOffset morning = rules.getOffset(Instant.ofEpochSecond(dayStart - SECONDS_PER_DAY / 2));
        ZoneOffset night = rules.getOffset(Instant.ofEpochSecond(dayStart + SECONDS_PER_DAY * 3 / 2));
        if (morning.equals(night)) {
            cachedDay = day;
            cachedOffset = morning;
        }
    }
}
