package org.contacthub.load;

/**
 * Text from outside the hub (a vendor's file name, a server's error message) made safe to write into a log
 * line: a control character, a line or paragraph separator or a bidirectional override could start a forged
 * log line or hide part of one, so each becomes '?', and very long text is cut short.
 */
public final class LogText {

    static final int MAX_LENGTH = 300;

    private LogText() {}

    /** The text with every unsafe character replaced; null stays null. */
    public static String safe(String text) {
        if (text == null) {
            return null;
        }
        int length = Math.min(text.length(), MAX_LENGTH);
        StringBuilder safe = new StringBuilder(length + 1);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            safe.append(unsafe(c) ? '?' : c);
        }
        if (text.length() > MAX_LENGTH) {
            safe.append('…');
        }
        return safe.toString();
    }

    private static boolean unsafe(char c) {
        return Character.isISOControl(c)
                || c == '\u2028'
                || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
