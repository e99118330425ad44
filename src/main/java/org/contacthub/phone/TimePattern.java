package org.contacthub.phone;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One java.time pattern from a layout. Fixed-width numeric patterns (such as {@code uuuu-MM-dd'T'HH:mm:ssXXX}
 * or {@code dd/MM/yyyy HH:mm:ss}) are read digit by digit, because a formatter costs more per row than the rest
 * of the parse; every other pattern falls back to a strict {@link DateTimeFormatter}.
 */
final class TimePattern {

    private static final String OFFSET_LETTERS = "XxZO";
    private static final String ZONE_NAME_LETTERS = "Vvz";
    private static final String DATE_LETTERS = "uyMLdDEeQqwWYGg";
    private static final String TIME_LETTERS = "HhKkmsSnNaAB";

    private final String pattern;
    private final DateTimeFormatter formatter;
    private final List<Token> tokens;
    private final String letters;

    private TimePattern(String pattern, DateTimeFormatter formatter, List<Token> tokens, String letters) {
        this.pattern = pattern;
        this.formatter = formatter;
        this.tokens = tokens;
        this.letters = letters;
    }

    /** The pattern, or IllegalArgumentException saying why java.time cannot use it. */
    static TimePattern of(String pattern) {
        Scan scan = new Scan(pattern);
        if (containsAny(scan.letters, ZONE_NAME_LETTERS)) {
            throw new IllegalArgumentException(
                    "pattern '" + pattern + "' names a time zone; use an offset (XXX) or the zone key instead");
        }
        DateTimeFormatter formatter =
                DateTimeFormatter.ofPattern(scan.strictPattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
        return new TimePattern(pattern, formatter, scan.fixedWidth ? scan.tokens : null, scan.letters);
    }

    String pattern() {
        return pattern;
    }

    boolean hasOffset() {
        return containsAny(letters, OFFSET_LETTERS);
    }

    boolean hasFullDate() {
        return containsAny(letters, "uy") && containsAny(letters, "ML") && letters.indexOf('d') >= 0;
    }

    boolean hasTime() {
        return containsAny(letters, "HhKk") && letters.indexOf('m') >= 0;
    }

    boolean hasDateLetters() {
        return containsAny(letters, DATE_LETTERS);
    }

    boolean hasTimeLetters() {
        return containsAny(letters, TIME_LETTERS);
    }

    /** Reads text[start, end) into fields; false when the text does not follow this pattern. */
    boolean parse(char[] text, int start, int end, TimeFields fields) {
        fields.clear();
        return tokens != null ? parseFixed(text, start, end, fields) : parseWithFormatter(text, start, end, fields);
    }

    private boolean parseFixed(char[] text, int start, int end, TimeFields fields) {
        int at = start;
        for (Token token : tokens) {
            at = token.read(text, at, end, fields);
            if (at < 0) {
                return false;
            }
        }
        return at == end;
    }

    private boolean parseWithFormatter(char[] text, int start, int end, TimeFields fields) {
        TemporalAccessor parsed;
        try {
            parsed = formatter.parse(new String(text, start, end - start));
        } catch (DateTimeParseException e) {
            return false;
        }
        fields.year = field(parsed, ChronoField.YEAR);
        fields.month = field(parsed, ChronoField.MONTH_OF_YEAR);
        fields.day = field(parsed, ChronoField.DAY_OF_MONTH);
        fields.hour = field(parsed, ChronoField.HOUR_OF_DAY);
        fields.minute = field(parsed, ChronoField.MINUTE_OF_HOUR);
        fields.second = field(parsed, ChronoField.SECOND_OF_MINUTE);
        fields.nano = field(parsed, ChronoField.NANO_OF_SECOND);
        if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
            fields.offsetSeconds = parsed.get(ChronoField.OFFSET_SECONDS);
        }
        return true;
    }

    private static int field(TemporalAccessor parsed, ChronoField field) {
        return parsed.isSupported(field) ? parsed.get(field) : 0;
    }

    private static boolean containsAny(String text, String candidates) {
        for (int i = 0; i < candidates.length(); i++) {
            if (text.indexOf(candidates.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** One step of a fixed-width pattern: a literal character, a run of digits, or a trailing offset. */
    private record Token(char kind, int width, char literal) {

        int read(char[] text, int at, int end, TimeFields fields) {
            if (kind == 'X' || kind == 'x') {
                return readOffset(text, at, end, fields);
            }
            if (at + width > end) {
                return -1;
            }
            if (kind == '\'') {
                return text[at] == literal ? at + 1 : -1;
            }
            int value = digits(text, at, at + width);
            if (value < 0) {
                return -1;
            }
            store(fields, value);
            return at + width;
        }

        private void store(TimeFields fields, int value) {
            switch (kind) {
                case 'u' -> fields.year = value;
                case 'M' -> fields.month = value;
                case 'd' -> fields.day = value;
                case 'H' -> fields.hour = value;
                case 'm' -> fields.minute = value;
                case 's' -> fields.second = value;
                default -> throw new IllegalStateException("no field for pattern letter " + kind);
            }
        }

        private int readOffset(char[] text, int at, int end, TimeFields fields) {
            if (kind == 'X' && at < end && text[at] == 'Z') {
                fields.offsetSeconds = 0;
                return at + 1;
            }
            if (at + 6 > end || text[at + 3] != ':' || (text[at] != '+' && text[at] != '-')) {
                return -1;
            }
            int hours = digits(text, at + 1, at + 3);
            int minutes = digits(text, at + 4, at + 6);
            if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
                return -1;
            }
            int seconds = hours * 3600 + minutes * 60;
            fields.offsetSeconds = text[at] == '-' ? -seconds : seconds;
            return at + 6;
        }

        private static int digits(char[] text, int start, int end) {
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
    }

    /** Walks a pattern once: its letters, a strict spelling of it, and its fixed-width tokens when it has them. */
    private static final class Scan {

        final List<Token> tokens = new ArrayList<>();
        final StringBuilder strict = new StringBuilder();
        final StringBuilder seen = new StringBuilder();
        String strictPattern;
        String letters;
        boolean fixedWidth = true;

        Scan(String pattern) {
            int i = 0;
            while (i < pattern.length()) {
                i = step(pattern, i);
            }
            strictPattern = strict.toString();
            letters = seen.toString();
        }

        private int step(String pattern, int i) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                return quoted(pattern, i);
            }
            if (!Character.isLetter(c)) {
                literal(c);
                strict.append(c);
                return i + 1;
            }
            int run = i;
            while (run < pattern.length() && pattern.charAt(run) == c) {
                run++;
            }
            letters(c, run - i);
            return run;
        }

        private int quoted(String pattern, int i) {
            int close = pattern.indexOf('\'', i + 1);
            if (close < 0) {
                throw new IllegalArgumentException("pattern '" + pattern + "' has an unclosed quote");
            }
            strict.append(pattern, i, close + 1);
            if (close == i + 1) {
                literal('\'');
            }
            for (int k = i + 1; k < close; k++) {
                literal(pattern.charAt(k));
            }
            return close + 1;
        }

        private void literal(char c) {
            if (!tokens.isEmpty() && isOffset(tokens.get(tokens.size() - 1))) {
                fixedWidth = false;
            }
            tokens.add(new Token('\'', 1, c));
        }

        private void letters(char letter, int count) {
            char strictLetter = letter == 'y' ? 'u' : letter;
            strict.append(String.valueOf(strictLetter).repeat(count));
            seen.append(letter);
            Token token = fixedToken(strictLetter, count);
            if (token == null || (!tokens.isEmpty() && isOffset(tokens.get(tokens.size() - 1)))) {
                fixedWidth = false;
            } else {
                tokens.add(token);
            }
        }

        private static Token fixedToken(char letter, int count) {
            if (letter == 'u' && count == 4) {
                return new Token('u', 4, ' ');
            }
            if ("MdHms".indexOf(letter) >= 0 && count == 2) {
                return new Token(letter, 2, ' ');
            }
            if ((letter == 'X' || letter == 'x') && count == 3) {
                return new Token(letter, 0, ' ');
            }
            return null;
        }

        private static boolean isOffset(Token token) {
            return token.kind() == 'X' || token.kind() == 'x';
        }
    }
}
