package org.contacthub.phone;

/**
 * The fields of one line, split on the layout's delimiter with quoted fields and doubled quotes understood. Field
 * text is copied, unquoted and trimmed into one reused buffer and addressed by position, so splitting a row
 * allocates nothing; each field's span in the raw line is kept for writing a redacted copy of the line.
 */
final class CsvLine {

    private final char delimiter;
    private final char quote;
    private final char[] values;
    private final int[] starts;
    private final int[] ends;
    private final int[] rawStarts;
    private final int[] rawEnds;
    private int count;
    private int quotedEnd;

    CsvLine(char delimiter, char quote, int maxLineLength) {
        this.delimiter = delimiter;
        this.quote = quote;
        this.values = new char[maxLineLength];
        this.starts = new int[maxLineLength + 1];
        this.ends = new int[maxLineLength + 1];
        this.rawStarts = new int[maxLineLength + 1];
        this.rawEnds = new int[maxLineLength + 1];
    }

    /** Splits the line; false when a quoted field is never closed or has text after its closing quote. */
    boolean split(char[] line, int length) {
        count = 0;
        int written = 0;
        int at = 0;
        while (true) {
            int rawStart = at;
            int valueStart = written;
            if (at < length && line[at] == quote) {
                at = quoted(line, at + 1, length, written);
                if (at < 0) {
                    return false;
                }
                written = quotedEnd;
            } else {
                at = unquoted(line, at, length, written);
                written += at - rawStart;
            }
            add(rawStart, at, valueStart, written);
            if (at >= length) {
                return true;
            }
            at++;
        }
    }

    private int unquoted(char[] line, int at, int length, int written) {
        int end = at;
        while (end < length && line[end] != delimiter) {
            end++;
        }
        System.arraycopy(line, at, values, written, end - at);
        return end;
    }

    private int quoted(char[] line, int at, int length, int written) {
        while (true) {
            if (at >= length) {
                return -1;
            }
            char c = line[at++];
            if (c != quote) {
                values[written++] = c;
            } else if (at < length && line[at] == quote) {
                values[written++] = quote;
                at++;
            } else {
                break;
            }
        }
        while (at < length && line[at] == ' ') {
            at++;
        }
        quotedEnd = written;
        return at < length && line[at] != delimiter ? -1 : at;
    }

    private void add(int rawStart, int rawEnd, int valueStart, int valueEnd) {
        while (valueStart < valueEnd && values[valueStart] <= ' ') {
            valueStart++;
        }
        while (valueEnd > valueStart && values[valueEnd - 1] <= ' ') {
            valueEnd--;
        }
        rawStarts[count] = rawStart;
        rawEnds[count] = rawEnd;
        starts[count] = valueStart;
        ends[count] = valueEnd;
        count++;
    }

    int count() {
        return count;
    }

    char[] values() {
        return values;
    }

    int start(int field) {
        return starts[field];
    }

    int end(int field) {
        return ends[field];
    }

    int length(int field) {
        return ends[field] - starts[field];
    }

    boolean isEmpty(int field) {
        return ends[field] == starts[field];
    }

    String text(int field) {
        return new String(values, starts[field], ends[field] - starts[field]);
    }

    boolean allEmpty() {
        for (int i = 0; i < count; i++) {
            if (!isEmpty(i)) {
                return false;
            }
        }
        return true;
    }

    int rawStart(int field) {
        return rawStarts[field];
    }

    int rawEnd(int field) {
        return rawEnds[field];
    }
}
