package org.contacthub.phone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.contacthub.load.ContactSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a telephony vendor's call-record file into a sink, one call or one rejection per line, using the
 * layout the file was matched to. Personal columns are never read into a record, a reason or a log line.
 */
public final class CallRecordParser {

    /** Longest line accepted; longer lines are rejected and skipped without being held in memory. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 4096;

    /** Longest value accepted in any one column. */
    public static final int DEFAULT_MAX_FIELD_LENGTH = 256;

    private static final Logger log = LoggerFactory.getLogger(CallRecordParser.class);

    private final int maxLineLength;
    private final int maxFieldLength;

    public CallRecordParser() {
        this(DEFAULT_MAX_LINE_LENGTH, DEFAULT_MAX_FIELD_LENGTH);
    }

    public CallRecordParser(int maxLineLength, int maxFieldLength) {
        if (maxLineLength < 1 || maxFieldLength < 1 || maxFieldLength > maxLineLength) {
            throw new IllegalArgumentException("Limits must be positive, and a field no longer than a line");
        }
        this.maxLineLength = maxLineLength;
        this.maxFieldLength = maxFieldLength;
    }

    /**
     * Reads the whole stream (without closing it). Bad lines go to {@link ContactSink#reject}; a file without
     * the layout's header, or one that is not text, throws {@link org.contacthub.load.UnreadableInputException}.
     */
    public void parse(InputStream in, String fileName, PhoneLayout layout, ContactSink sink) {
        CallFileReading reading = new CallFileReading(layout, fileName, sink, maxLineLength, maxFieldLength);
        try {
            reading.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading call-record file " + fileName + " failed", e);
        }
        log.debug(
                "Parsed call-record file {} with layout {}: {} lines, {} calls, {} rejected",
                fileName,
                layout.id(),
                reading.lineCount(),
                reading.acceptedCount(),
                reading.rejectedCount());
    }
}
