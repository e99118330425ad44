package org.contacthub.phone;

import java.util.Locale;

/** How a vendor writes a wait or talk time: a count of seconds, or a clock reading such as 1:02:03 or 2:05. */
enum DurationFormat {
    SECONDS("seconds"),
    CLOCK("h:mm:ss");

    private static final int MAX_SECONDS_DIGITS = 9;

    private final String key;

    DurationFormat(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    static DurationFormat fromKey(String key) {
        for (DurationFormat format : values()) {
            if (format.key.equals(key.trim().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("durations must be 'seconds' or 'h:mm:ss', not '" + key + "'");
    }

    /** The number of seconds in text[start, end), or -1 when the text is not a duration in this format. */
    int seconds(char[] text, int start, int end) {
        return this == SECONDS ? plainSeconds(text, start, end) : clockSeconds(text, start, end);
    }

    private static int plainSeconds(char[] text, int start, int end) {
        if (end - start > MAX_SECONDS_DIGITS) {
            return -1;
        }
        return digits(text, start, end);
    }

    private static int clockSeconds(char[] text, int start, int end) {
        int lastColon = lastIndexOf(text, start, end);
        if (lastColon < 0) {
            return -1;
        }
        int seconds = sixty(text, lastColon + 1, end);
        int middleColon = lastIndexOf(text, start, lastColon);
        if (middleColon < 0) {
            int minutes = lastColon - start > MAX_SECONDS_DIGITS ? -1 : digits(text, start, lastColon);
            return minutes < 0 || seconds < 0 ? -1 : minutes * 60 + seconds;
        }
        int minutes = sixty(text, middleColon + 1, lastColon);
        int hours = middleColon - start > 5 ? -1 : digits(text, start, middleColon);
        return hours < 0 || minutes < 0 || seconds < 0 ? -1 : hours * 3600 + minutes * 60 + seconds;
    }

    /** A two-digit count below sixty, or -1. */
    private static int sixty(char[] text, int start, int end) {
        int value = end - start == 2 ? digits(text, start, end) : -1;
        return value < 60 ? value : -1;
    }

    private static int digits(char[] text, int start, int end) {
        if (start >= end) {
            return -1;
        }
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int lastIndexOf(char[] text, int start, int end) {
        for (int i = end - 1; i >= start; i--) {
            if (text[i] == ':') {
                return i;
            }
        }
        return -1;
    }
}
