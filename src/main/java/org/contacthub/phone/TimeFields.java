package org.contacthub.phone;

/** The parts of one date, time or date-time value, filled in place so that parsing a row allocates nothing. */
final class TimeFields {

    static final int NO_OFFSET = Integer.MIN_VALUE;

    int year;
    int month;
    int day;
    int hour;
    int minute;
    int second;
    int nano;
    int offsetSeconds = NO_OFFSET;

    void clear() {
        year = 0;
        month = 0;
        day = 0;
        hour = 0;
        minute = 0;
        second = 0;
        nano = 0;
        offsetSeconds = NO_OFFSET;
    }
}
