package org.contacthub.phone;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads decoded text one physical line at a time into a fixed buffer, so that neither a huge file nor a file
 * without line breaks (binary data, a wrong encoding) can take more memory than one line's limit. The rest of a
 * line past the limit is skipped, and the line is marked too long. A byte-order mark before the first line is
 * dropped.
 */
final class BoundedLineReader {

    private static final int CHUNK = 64 * 1024;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Reader in;
    private final char[] chunk = new char[CHUNK];
    private final char[] line;
    private final int maxLength;
    private int position;
    private int limit;
    private int length;
    private boolean overflow;
    private boolean firstLine = true;

    BoundedLineReader(Reader in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
        this.line = new char[maxLength + 1];
    }

    /** Moves to the next line; false at the end of the input. */
    boolean next() throws IOException {
        length = 0;
        overflow = false;
        boolean any = false;
        while (position < limit || fill()) {
            any = true;
            int start = position;
            while (position < limit && chunk[position] != '\n') {
                position++;
            }
            append(start, position);
            if (position < limit) {
                position++;
                break;
            }
        }
        finishLine();
        return any;
    }

    char[] chars() {
        return line;
    }

    int length() {
        return length;
    }

    boolean tooLong() {
        return overflow || length > maxLength;
    }

    /** True for a line holding NUL or other control characters, or bytes its encoding could not decode. */
    boolean binary() {
        for (int i = 0; i < length; i++) {
            char c = line[i];
            if ((c < ' ' && c != '\t') || (c >= '\u007F' && c <= '\u009F') || c == '\uFFFD') {
                return true;
            }
        }
        return false;
    }

    boolean blank() {
        for (int i = 0; i < length; i++) {
            if (line[i] > ' ') {
                return false;
            }
        }
        return true;
    }

    private boolean fill() throws IOException {
        position = 0;
        limit = Math.max(in.read(chunk), 0);
        return limit > 0;
    }

    private void append(int start, int end) {
        int room = line.length - length;
        int count = Math.min(room, end - start);
        System.arraycopy(chunk, start, line, length, count);
        length += count;
        overflow |= count < end - start;
    }

    private void finishLine() {
        if (!overflow && length > 0 && line[length - 1] == '\r') {
            length--;
        }
        if (firstLine && length > 0 && line[0] == BYTE_ORDER_MARK) {
            System.arraycopy(line, 1, line, 0, --length);
        }
        firstLine = false;
    }
}
